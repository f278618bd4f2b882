using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using static FunctionsCloud.Domain.Placement.DeploymentStrategy;

namespace FunctionsCloud.Domain.Tests.Services;

public class ServiceRulesTests
{
    [Theory]
    [InlineData(EmptiestNode, HighAvailability)]
    [InlineData(HighAvailability, EmptiestNode)]
    [InlineData(EveryNode, EveryNode)]
    [InlineData(EmptiestNode, EmptiestNode)]
    public void Strategies_other_than_EVERY_NODE_may_be_swapped(DeploymentStrategy from, DeploymentStrategy to) =>
        Assert.Null(ServiceRules.StrategyChangeProblem(from, to));

    [Theory]
    [InlineData(EmptiestNode, EveryNode)]
    [InlineData(EveryNode, HighAvailability)]
    public void Nothing_switches_to_or_from_EVERY_NODE(DeploymentStrategy from, DeploymentStrategy to) =>
        Assert.Contains("EVERY_NODE", ServiceRules.StrategyChangeProblem(from, to));

    [Fact]
    public void Only_EVERY_NODE_services_refuse_manual_scaling() =>
        Assert.Equal((true, true, false), (ServiceRules.ManualScaleProblem(EmptiestNode) is null,
            ServiceRules.ManualScaleProblem(HighAvailability) is null, ServiceRules.ManualScaleProblem(EveryNode) is null));

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("/srv/app", true)]
    [InlineData("srv/app", false)]
    [InlineData("./app", false)]
    public void Working_directories_are_absolute(string? dir, bool accepted) =>
        Assert.Equal(accepted, ServiceRules.WorkingDirProblem(dir) is null);

    [Theory]
    [InlineData(0, true)]
    [InlineData(512, true)]
    [InlineData(1_048_576, true)]
    [InlineData(1_048_577, false)]
    [InlineData(long.MaxValue, false)]
    [InlineData(-1, false)]
    public void Memory_is_bounded_far_from_overflowing_as_bytes(long megabytes, bool accepted) =>
        Assert.Equal(accepted, ServiceRules.MemoryProblem(megabytes) is null);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1024, true)]
    [InlineData(262_144, true)]
    [InlineData(262_145, false)]
    [InlineData(-2, false)]
    public void Cpu_shares_stay_within_what_the_kernel_takes(long shares, bool accepted) =>
        Assert.Equal(accepted, ServiceRules.CpuSharesProblem(shares) is null);
}
