using FunctionsCloud.Domain.Accounts;

namespace FunctionsCloud.Storage.Users;

/// <summary>Who a namespace's name belongs to: a user (perhaps removed) or an organization, exactly one of them.</summary>
public sealed record NamespaceOwner(UserAccount? User, Organization? Organization);
