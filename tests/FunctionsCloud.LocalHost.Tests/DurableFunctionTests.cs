using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FunctionsCloud.LocalHost.Tests.SampleFunctions;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Durable;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class DurableFunctionTests(HttpHostFixture fixture) : IClassFixture<HttpHostFixture>
{
    [Fact]
    public async Task Orchestration_started_over_http_fans_out_and_resumes_on_an_external_event()
    {
        var instanceId = await StartOverHttpAsync(new FanOutInput(["ann", "bob", "cy"], ApprovalTimeoutSeconds: 300));
        using var deadline = new CancellationTokenSource(TestHosts.Deadline);
        await fixture.Host.DurableClient.WaitForInstanceStartAsync(instanceId, deadline.Token);

        await fixture.Host.DurableClient.RaiseEventAsync(instanceId, FanOutFunctions.ApprovalEvent, "approved", deadline.Token);
        var result = await CompletedOutputAsync(instanceId, deadline.Token);

        Assert.Equal(["Hello, ann from SayHello", "Hello, bob from SayHello", "Hello, cy from SayHello"], result.Greetings);
        Assert.Equal("approved", result.Approval);
    }

    [Fact]
    public async Task Waiting_for_an_event_times_out_on_a_durable_timer()
    {
        var instanceId = await StartOverHttpAsync(new FanOutInput(["dee"], ApprovalTimeoutSeconds: 1));
        using var deadline = new CancellationTokenSource(TestHosts.Deadline);

        var result = await CompletedOutputAsync(instanceId, deadline.Token);

        Assert.Equal(["Hello, dee from SayHello"], result.Greetings);
        Assert.Equal("timed out", result.Approval);
    }

    [Fact]
    public async Task Client_can_schedule_a_discovered_orchestrator_directly()
    {
        var names = Enumerable.Range(1, 12).Select(i => $"n{i}").ToArray();
        using var deadline = new CancellationTokenSource(TestHosts.Deadline);
        var instanceId = await fixture.Host.DurableClient.ScheduleNewOrchestrationInstanceAsync(
            nameof(FanOutFunctions.FanOut), new FanOutInput(names, ApprovalTimeoutSeconds: 1), deadline.Token);

        var result = await CompletedOutputAsync(instanceId, deadline.Token);

        Assert.Equal(names.Select(n => $"Hello, {n} from SayHello"), result.Greetings);
    }

    [Fact]
    public async Task An_orchestration_waiting_when_its_host_stops_resumes_in_the_next_host_on_the_same_task_hub()
    {
        var hub = new Dictionary<string, string?> { [TestTaskHub.HubNameSetting] = TestTaskHub.UniqueName() };
        using var deadline = new CancellationTokenSource(TestHosts.Deadline);
        string instanceId;
        var (first, _) = await TestHosts.StartAsync(TestHosts.IsHttpOrDurable, hub);
        await using (first)
        {
            instanceId = await first.DurableClient.ScheduleNewOrchestrationInstanceAsync(
                nameof(FanOutFunctions.FanOut), new FanOutInput(["eve"], ApprovalTimeoutSeconds: 300), deadline.Token);
            await first.DurableClient.WaitForInstanceStartAsync(instanceId, deadline.Token);
        }

        var (second, _) = await TestHosts.StartAsync(TestHosts.IsHttpOrDurable, hub);
        await using (second)
        {
            await second.DurableClient.RaiseEventAsync(instanceId, FanOutFunctions.ApprovalEvent, "approved after a restart", deadline.Token);
            var metadata = await second.DurableClient.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);

            Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
            var result = metadata.ReadOutputAs<FanOutResult>()!;
            Assert.Equal(["Hello, eve from SayHello"], result.Greetings);
            Assert.Equal("approved after a restart", result.Approval);
        }
    }

    [Fact]
    public async Task An_orchestration_runs_sub_orchestrations_under_the_instance_ids_it_gives_them()
    {
        using var deadline = new CancellationTokenSource(TestHosts.Deadline);
        var instanceId = await fixture.Host.DurableClient.ScheduleNewOrchestrationInstanceAsync(
            nameof(SubOrchestrationFunctions.GreetAll), new[] { "fay", "gus" }, deadline.Token);

        var metadata = await fixture.Host.DurableClient.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);

        Assert.True(metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}");
        Assert.Equal(["Hello, fay from SayHello", "Hello, gus from SayHello"], metadata.ReadOutputAs<string[]>()!);
        var child = await fixture.Host.DurableClient.GetInstanceAsync($"{instanceId}:gus", deadline.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child?.RuntimeStatus);
    }

    private async Task<string> StartOverHttpAsync(FanOutInput input)
    {
        using var response = await fixture.Client.PostAsJsonAsync("fanout", input);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("instanceId").GetString()!;
    }

    private async Task<FanOutResult> CompletedOutputAsync(string instanceId, CancellationToken cancellationToken)
    {
        var metadata = await fixture.Host.DurableClient.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        Assert.True(metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}");
        return metadata.ReadOutputAs<FanOutResult>()!;
    }
}
