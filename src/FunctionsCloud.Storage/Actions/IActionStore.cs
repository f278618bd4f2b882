using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Actions;

/// <summary>Actions (the audit log) by namespace. Lists filter on uuid, state, object and action.</summary>
public interface IActionStore : IEntityStore<ActionRecord>
{
    /// <summary>
    /// Reads, applies <paramref name="change"/> and writes with If-Match, starting over on conflicts, so that
    /// several activities can append log lines at once. <paramref name="change"/> may run more than once.
    /// Returns the action as stored, or null if there is none.
    /// </summary>
    Task<ActionRecord?> UpdateAsync(string @namespace, Guid uuid, Action<ActionRecord> change, CancellationToken cancellationToken = default);

    /// <summary>The action on that object made by the request at that path (server-side filter), if any.</summary>
    Task<ActionRecord?> FindAsync(string @namespace, string objectUri, string path, CancellationToken cancellationToken = default);
}
