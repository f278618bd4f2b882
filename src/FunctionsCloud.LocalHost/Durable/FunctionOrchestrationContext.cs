using System.Text.Json;
using FunctionsCloud.LocalHost.Invocation;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost.Durable;

/// <summary>
/// The TaskOrchestrationContext handed to orchestrator functions. The SDK deserializes an orchestration's input
/// once, to the orchestrator's declared InputType; a function declares none (it calls <c>GetInput&lt;T&gt;()</c>),
/// so the input arrives as a JsonElement and is converted here on demand, as the Functions extension does.
/// </summary>
public sealed class FunctionOrchestrationContext(TaskOrchestrationContext inner, object? input, ILoggerFactory loggerFactory)
    : TaskOrchestrationContext
{
    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    protected override ILoggerFactory LoggerFactory { get; } = loggerFactory;

    public override T GetInput<T>() => (T)GetInput(typeof(T))!;

    public object? GetInput(Type type) => input switch
    {
        null => type.IsValueType ? Activator.CreateInstance(type) : null,
        _ when type.IsInstanceOfType(input) => input,
        JsonElement element => element.Deserialize(type, WorkerJson.Options),
        _ => ValueConverter.Convert(input, type),
    };

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override void ContinueAsNew(ContinueAsNewOptions options) => inner.ContinueAsNew(options);

    public override Guid NewGuid() => inner.NewGuid();
}
