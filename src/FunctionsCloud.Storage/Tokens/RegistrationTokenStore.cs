using FunctionsCloud.Domain.Tokens;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Tokens;

internal sealed class RegistrationTokenStore(StorageTables tables)
    : EntityStore<RegistrationToken, RegistrationTokenEntity>(tables.RegistrationTokens, Fields), IRegistrationTokenStore
{
    private static readonly QueryFields Fields = new("registration tokens", new Dictionary<string, QueryField>
    {
        ["uuid"] = new("RowKey", QueryValues.Uuid),
    });
}
