using FunctionsCloud.Domain.Stacks;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Stacks;

/// <summary>
/// Stacks by namespace. Lists filter on uuid, name and state, and show only complete stacks (see
/// <see cref="Stack.Complete"/>). Requests and operations both change a stack: use the read-change-write UpdateAsync.
/// </summary>
public interface IStackStore : IEntityStore<Stack>
{
    /// <summary>The complete stacks of the filtered list at offset..offset+limit, and their total count.</summary>
    Task<ListResult<Stack>> ListCompleteAsync(string @namespace, TableQuery query, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>The stacks of that name that are not Terminated, complete or not.</summary>
    Task<IReadOnlyList<Stack>> ListLiveNamedAsync(string @namespace, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a stack created hidden as complete (<see cref="Stack.Complete"/>): the event stream hears of it now, as created.
    /// </summary>
    Task ShowAsync(Stack stack, CancellationToken cancellationToken = default);

    /// <summary>Removes a stack row that never became complete (its services could not be written); nobody saw it, nothing is logged.</summary>
    Task DeleteHiddenAsync(Stack stack, CancellationToken cancellationToken = default);
}
