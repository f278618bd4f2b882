using DurableTask.Core;
using DurableTask.Core.History;

namespace FunctionsCloud.LocalHost.Durable;

/// <summary>
/// Sub-orchestration starts as the gRPC sidecar (InProcessTestHost 0.2.3-preview.1) hands them to the orchestration
/// service, made readable by the Azure Storage backend; without this no sub-orchestration runs to its end here:
/// <list type="bullet">
/// <item>The start message's tags are the worker request's as they came off the wire, a protobuf <c>MapField</c> even
/// when empty. The backend writes the message with that type's name and cannot resolve it when reading it back
/// ("Error resolving type specified in JSON 'Google.Protobuf.Collections.MapField`2...'"): the child never starts.
/// Fixed upstream in microsoft/durabletask-dotnet #695, in no package served here.</item>
/// <item>The parent's history records the start as the sidecar's own subclass of
/// <see cref="SubOrchestrationInstanceCreatedEvent"/>, which the backend's history table stores without its
/// <c>EventType</c>: the parent's history cannot be loaded again ("The TableEntity did not contain a 'EventType'
/// property") and the parent never sees its child end.</item>
/// </list>
/// </summary>
public static class SubOrchestrationStarts
{
    public static void MakeReadable(OrchestrationRuntimeState state, IEnumerable<TaskMessage> orchestratorMessages)
    {
        foreach (var message in orchestratorMessages)
        {
            if (message.Event is ExecutionStartedEvent { ParentInstance: not null } started)
                started.Tags = Plain(started.Tags);
        }

        Replace(state.Events);
        Replace(state.NewEvents);
    }

    private static void Replace(IList<HistoryEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
            {
                events[i] = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                    Tags = Plain(created.Tags),
                    Timestamp = created.Timestamp,
                    IsPlayed = created.IsPlayed,
                };
            }
        }
    }

    private static Dictionary<string, string>? Plain(IDictionary<string, string>? tags) =>
        tags is null || tags.Count == 0 ? null : new Dictionary<string, string>(tags, StringComparer.Ordinal);
}
