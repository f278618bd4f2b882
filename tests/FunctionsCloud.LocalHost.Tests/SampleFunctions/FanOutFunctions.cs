using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.LocalHost.Tests.SampleFunctions;

public sealed record FanOutInput(string[] Names, int ApprovalTimeoutSeconds);

public sealed record FanOutResult(string[] Greetings, string Approval);

/// <summary>An orchestration started over HTTP that fans out activities, sleeps on a durable timer and waits for approval.</summary>
public sealed class FanOutFunctions(Greeter greeter)
{
    public const string ApprovalEvent = "Approval";

    [Function("StartFanOut")]
    public static async Task<IResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "fanout")] HttpRequest request, [DurableClient] DurableTaskClient client)
    {
        var input = await request.ReadFromJsonAsync<FanOutInput>();
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOut), input);
        return Results.Accepted($"/api/fanout/{instanceId}", new { instanceId });
    }

    [Function(nameof(FanOut))]
    public static async Task<FanOutResult> FanOut([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<FanOutInput>()!;
        var greetings = await Task.WhenAll(input.Names.Select(name => context.CallActivityAsync<string>(nameof(SayHello), name)));
        await context.CreateTimer(context.CurrentUtcDateTime.AddMilliseconds(200), CancellationToken.None);
        string approval;
        try
        {
            approval = await context.WaitForExternalEvent<string>(ApprovalEvent, TimeSpan.FromSeconds(input.ApprovalTimeoutSeconds));
        }
        catch (TaskCanceledException)
        {
            approval = "timed out";
        }

        return new FanOutResult(greetings, approval);
    }

    [Function(nameof(SayHello))]
    public string SayHello([ActivityTrigger] string name, FunctionContext context) =>
        $"{greeter.Greet(name)} from {context.FunctionDefinition.Name}";
}
