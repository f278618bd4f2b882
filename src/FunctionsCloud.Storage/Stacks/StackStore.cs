using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Stacks;

internal sealed class StackStore(StorageTables tables)
    : EntityStore<Stack, StackEntity>(tables.Stacks, Fields), IStackStore
{
    private static readonly QueryFields Fields = new("stacks", new Dictionary<string, QueryField>
    {
        ["uuid"] = new("RowKey", QueryValues.Uuid),
        ["name"] = new(nameof(StackEntity.Name)),
        ["state"] = new(nameof(StackEntity.State), QueryValues.State<ServiceState>()),
    });

    private static readonly string Terminated = ApiNames.Of(ServiceState.Terminated);

    public Task<ListResult<Stack>> ListCompleteAsync(string @namespace, TableQuery query, int offset, int limit, CancellationToken cancellationToken = default) =>
        ListWhereAsync(@namespace, query, $"{nameof(StackEntity.Complete)} eq true", offset, limit, cancellationToken);

    public Task<IReadOnlyList<Stack>> ListLiveNamedAsync(string @namespace, string name, CancellationToken cancellationToken = default) =>
        AllWhereAsync(@namespace, TableQuery.All.Where("name", name), nameof(StackEntity.State), "ne", Terminated, cancellationToken);

    public Task ShowAsync(Stack stack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        stack.Complete = true;
        return ReplaceAsync(stack, shows: true, cancellationToken);
    }

    public async Task DeleteHiddenAsync(Stack stack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (stack.Complete)
            throw new InvalidOperationException($"Stack {stack.Uuid} is shown: it is terminated, not deleted.");
        await RowDeletion.DeleteIfExistsAsync(await Table.ReadyAsync().ConfigureAwait(false), stack.Namespace, TableKeys.Of(stack.Uuid), cancellationToken)
            .ConfigureAwait(false);
    }
}
