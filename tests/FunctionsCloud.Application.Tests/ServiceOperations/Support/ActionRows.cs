using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Storage.Actions;

namespace FunctionsCloud.Application.Tests.ServiceOperations.Support;

internal sealed class ActionRows() : InMemoryStore<ActionRecord>("action"), IActionStore
{
    public Task<ActionRecord?> UpdateAsync(string @namespace, Guid uuid, Action<ActionRecord> change, CancellationToken cancellationToken = default) =>
        UpdateAsync(@namespace, uuid, record =>
        {
            change(record);
            return true;
        }, cancellationToken);

    public Task<ActionRecord?> FindAsync(string @namespace, string objectUri, string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(Where(@namespace, a => a.Object == objectUri && a.Path == path).FirstOrDefault());

    protected override (string Namespace, Guid Uuid) KeyOf(ActionRecord item) => (item.Namespace, item.Uuid);

    protected override string? VersionOf(ActionRecord item) => item.Version;

    protected override void SetVersion(ActionRecord item, string version) => item.Version = version;
}
