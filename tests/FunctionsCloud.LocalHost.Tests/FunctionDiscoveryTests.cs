using FunctionsCloud.LocalHost.Discovery;
using FunctionsCloud.LocalHost.Tests.SampleFunctions;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Tests;

public sealed class FunctionDiscoveryTests
{
    private static readonly IReadOnlyList<DiscoveredFunction> Functions = FunctionDiscovery.Discover(
        typeof(FunctionDiscoveryTests).Assembly,
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Samples:TickSchedule"] = "*/1 * * * * *",
            ["Samples:WidgetQueue"] = "widgets",
        }).Build());

    private static DiscoveredFunction Named(string name) => Functions.Single(f => f.Name == name);

    [Fact]
    public void Http_trigger_has_route_and_upper_case_methods()
    {
        var trigger = Assert.IsType<HttpTriggerBinding>(Named("GetWidget").Trigger);

        Assert.Equal("widgets/{id}", trigger.Route);
        Assert.Equal(["GET"], trigger.Methods);
    }

    [Fact]
    public void Timer_and_queue_resolve_settings() => Assert.Multiple(
        () => Assert.Equal("*/1 * * * * *", Assert.IsType<TimerTriggerBinding>(Named("Tick").Trigger).Schedule),
        () => Assert.True(Assert.IsType<TimerTriggerBinding>(Named("StartupTick").Trigger).RunOnStartup),
        () => Assert.Equal("widgets", Assert.IsType<QueueTriggerBinding>(Named("ProcessWidgetMessage").Trigger).QueueName),
        () => Assert.Equal("AzureWebJobsStorage", Assert.IsType<QueueTriggerBinding>(Named("ProcessWidgetMessage").Trigger).Connection));

    [Fact]
    public void Durable_functions_are_orchestrators_and_activities()
    {
        Assert.IsType<OrchestrationTriggerBinding>(Named(nameof(FanOutFunctions.FanOut)).Trigger);
        Assert.Equal(typeof(string), Assert.IsType<ActivityTriggerBinding>(Named(nameof(FanOutFunctions.SayHello)).Trigger).InputType);
    }

    [Fact]
    public void Function_definition_exposes_the_trigger_binding_to_middleware()
    {
        var definition = Named("GetWidget").Definition;

        Assert.Equal("GetWidget", definition.Name);
        Assert.Contains(definition.InputBindings.Values, b => b.Type == "httpTrigger");
        Assert.EndsWith("WidgetHttpFunctions.Get", definition.EntryPoint);
    }
}
