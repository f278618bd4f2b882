using Azure.Data.Tables;
using FunctionsCloud.Domain.Changes;

namespace FunctionsCloud.Storage.Entities;

/// <summary>The stored shape of a domain object: how it maps both ways, so one generic store serves all.</summary>
internal interface IStoredEntity<TSelf, TDomain> : ITableEntity
    where TSelf : class, IStoredEntity<TSelf, TDomain>, new()
    where TDomain : class
{
    /// <summary>The resource's name in messages, e.g. "node cluster".</summary>
    static abstract string Resource { get; }

    static abstract TSelf From(TDomain item);

    /// <summary>The RowKey of the object with this uuid: the uuid itself, unless rows sort by a key of their own.</summary>
    static virtual string RowKeyOf(Guid uuid) => TableKeys.Of(uuid);

    /// <summary>The domain object, with its Version set to this row's ETag.</summary>
    TDomain ToDomain();

    static abstract string? VersionOf(TDomain item);

    static abstract void SetVersion(TDomain item, string version);

    /// <summary>
    /// What a write of the item tells the event stream (kind, uuid, state, parents); null for rows that are not such
    /// objects. Only the tables <c>StorageTables</c> names as object tables record changes.
    /// </summary>
    static virtual ChangeSubject? ChangeOf(TDomain item) => null;
}
