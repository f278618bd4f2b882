using FunctionsCloud.Domain.Accounts;

namespace FunctionsCloud.Storage.Users;

/// <summary>
/// Users and organizations written together by <see cref="IAccountStore.ChangeAsync"/>, each over the copy it was read
/// as (its version): all of them land, or none.
/// </summary>
public sealed record AccountChange(IReadOnlyList<UserAccount> Users, IReadOnlyList<Organization> Organizations)
{
    /// <summary>Rows one change writes at most: a table transaction holds 100, one of them the accounts' version.</summary>
    public const int MaxRows = 99;

    public int Rows => Users.Count + Organizations.Count;
}
