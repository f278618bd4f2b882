using FunctionsCloud.Storage.Triggers;

namespace FunctionsCloud.Application.Triggers;

/// <summary>Each trigger keeps its latest call's body; the service's is the most recent among its triggers'.</summary>
public sealed class TriggerBodies(ITriggerStore triggers) : ITriggerBodies
{
    public async Task<string?> LatestAsync(string @namespace, Guid serviceUuid, CancellationToken cancellationToken) =>
        (await triggers.ListByServiceAsync(@namespace, serviceUuid, cancellationToken))
            .Where(t => t.LastCalledDatetime is not null)
            .MaxBy(t => t.LastCalledDatetime)?.LastBody;
}
