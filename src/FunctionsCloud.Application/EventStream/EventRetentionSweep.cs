using FunctionsCloud.Storage.Changes;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.EventStream;

/// <summary>Deletes every namespace's changes logged more than RetentionDays ago, so that the change logs do not grow for ever.</summary>
public sealed class EventRetentionSweep(IChangeLog log, IOptions<EventsOptions> options, TimeProvider clock)
{
    /// <summary>Returns how many changes went.</summary>
    public Task<int> SweepAsync(CancellationToken cancellationToken) =>
        log.DeleteBeforeAsync(clock.GetUtcNow().AddDays(-options.Value.RetentionDays), cancellationToken);
}
