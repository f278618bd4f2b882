using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Users;

internal sealed class AccountStore(StorageTables tables) : IAccountStore
{
    /// <summary>The version of everyone's standing, in the namespaces' partition; it sorts after every name and is none.</summary>
    private const string StandingRow = "~standing";

    // Enough for every one of a burst of concurrent changes to land or be refused, one after another.
    private const int MaxChangeAttempts = 60;

    private readonly StorageTable _table = tables.Accounts;

    public async Task<NamespaceOwner?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        var row = NamespaceEntity.KeyOf(name);
        if (!TableKeys.IsValid(row) || row == StandingRow)
            return null;
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<NamespaceEntity>(NamespaceEntity.Partition, row, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? Owner(response.Value!) : null;
    }

    public Task<bool> AddUserAsync(UserAccount user, CancellationToken cancellationToken = default) =>
        AddAsync(NamespaceEntity.From(user), cancellationToken);

    public Task<bool> AddOrganizationAsync(Organization organization, CancellationToken cancellationToken = default) =>
        AddAsync(NamespaceEntity.From(organization with { Version = null }), cancellationToken);

    public async Task<AccountChange> ChangeAsync(Func<IReadOnlyList<NamespaceOwner>, AccountChange> decide, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        return await VersionedWrite.RunAsync(client, "accounts", NamespaceEntity.Partition, StandingRow, MaxChangeAttempts, async ct =>
        {
            var change = decide(await ListAsync(ct).ConfigureAwait(false));
            if (change.Rows > AccountChange.MaxRows)
                throw new ArgumentException($"One change writes at most {AccountChange.MaxRows} users and organizations.", nameof(decide));
            return new VersionedWrite.Decision<AccountChange>(change, Writes(change));
        }, cancellationToken).ConfigureAwait(false);
    }

    private static List<TableTransactionAction> Writes(AccountChange change) =>
        change.Users.Select(NamespaceEntity.From).Concat(change.Organizations.Select(NamespaceEntity.From))
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpdateReplace, e, e.ETag == default ? ETag.All : e.ETag))
            .ToList();

    public async Task<Organization> ReplaceOrganizationAsync(Organization organization, CancellationToken cancellationToken = default)
    {
        var entity = NamespaceEntity.From(organization);
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        try
        {
            var response = await client.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return organization with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException("organization", entity.PartitionKey, entity.RowKey, e);
        }
    }

    public async Task<IReadOnlyList<NamespaceOwner>> ListAsync(CancellationToken cancellationToken = default)
    {
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        var filter = ODataFilter.And(ODataFilter.Compare("PartitionKey", "eq", NamespaceEntity.Partition), ODataFilter.Compare("RowKey", "lt", StandingRow));
        var entities = await TablePaging.AllAsync<NamespaceEntity>(client, filter, cancellationToken).ConfigureAwait(false);
        return entities.Select(Owner).ToList();
    }

    private async Task<bool> AddAsync(NamespaceEntity entity, CancellationToken cancellationToken)
    {
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        try
        {
            await client.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private static NamespaceOwner Owner(NamespaceEntity entity) => new(entity.ToUser(), entity.ToOrganization());
}
