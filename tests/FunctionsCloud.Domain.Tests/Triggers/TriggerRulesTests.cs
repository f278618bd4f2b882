using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Triggers;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Domain.Tests.Triggers;

public class TriggerRulesTests
{
    [Theory]
    [InlineData("REDEPLOY")]
    [InlineData("scaleup")]
    public void The_two_operations_are_accepted_in_any_case(string operation) =>
        Assert.Null(TriggerRules.OperationProblem(operation));

    [Fact]
    public void No_operation_is_the_default_redeploy()
    {
        Assert.Null(TriggerRules.OperationProblem(null));
        Assert.Equal(TriggerOperation.Redeploy, TriggerRules.DefaultOperation);
    }

    [Theory]
    [InlineData("RESTART")]
    [InlineData("")]
    public void Other_operations_are_refused(string? operation) =>
        Assert.NotNull(TriggerRules.OperationProblem(operation));

    [Theory]
    [InlineData("", "name")]
    [InlineData("-bad", "name")]
    [InlineData("ok", null)]
    public void A_bad_name_is_named(string name, string? field)
    {
        var validator = TriggerRules.Check(new Validator(), name, "REDEPLOY");
        Assert.Equal(field is null, validator.IsValid);
    }

    [Fact]
    public void Scaleup_is_refused_for_an_every_node_service_and_redeploy_is_not()
    {
        Assert.Contains("EVERY_NODE", TriggerRules.ServiceProblem(TriggerOperation.ScaleUp, DeploymentStrategy.EveryNode));
        Assert.Null(TriggerRules.ServiceProblem(TriggerOperation.Redeploy, DeploymentStrategy.EveryNode));
        Assert.Null(TriggerRules.ServiceProblem(TriggerOperation.ScaleUp, DeploymentStrategy.HighAvailability));
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(9, 1, true)]
    [InlineData(10, 1, false)]
    [InlineData(0, 1, false)]
    [InlineData(-1, 1, false)]
    [InlineData(11, 0, false)]
    public void A_step_must_be_positive_and_keep_the_target_within_the_limit(int step, int target, bool allowed) =>
        Assert.Equal(allowed, TriggerRules.StepProblem(step, target, maxContainers: 10) is null);

    [Fact]
    public void The_recorded_call_path_is_the_triggers_own_and_never_holds_the_secret()
    {
        var (service, trigger) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal($"/api/app/v1/service/{service}/trigger/{trigger}/call/3/", TriggerUris.CallRecord(service, trigger, 3));
        Assert.Equal("/api/app/v1/trigger/fctr_x/call/", TriggerUris.Call("fctr_x"));
    }
}
