using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FunctionsCloud.LocalHost.Tests.SampleFunctions;

/// <summary>A parent orchestration that runs a child orchestration per name as sub-orchestrations, each under an instance id of its own choosing.</summary>
public static class SubOrchestrationFunctions
{
    [Function(nameof(GreetAll))]
    public static async Task<string[]> GreetAll([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var names = context.GetInput<string[]>()!;
        return await Task.WhenAll(names.Select(name => context.CallSubOrchestratorAsync<string>(
            nameof(GreetOne), name, new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:{name}" })));
    }

    [Function(nameof(GreetOne))]
    public static Task<string> GreetOne([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync<string>(nameof(FanOutFunctions.SayHello), context.GetInput<string>());
}
