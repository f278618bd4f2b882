using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Storage.Entities;
using System.Runtime.Serialization;

namespace FunctionsCloud.Storage.Users;

/// <summary>
/// A namespace's owner, user or organization, all in one partition keyed by the name in lower case: a name is one
/// namespace, taken by whichever was added first. An organization keeps its teams as JSON in its row.
/// </summary>
internal sealed class NamespaceEntity : ITableEntity
{
    public const string Partition = "namespace";
    public const string UserKind = "user";
    public const string OrganizationKind = "organization";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = UserKind;
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string? FullName { get; set; }
    /// <summary>The column keeps its first name, <c>IsAdmin</c>, so that rows stored before read the same.</summary>
    [DataMember(Name = "IsAdmin")]
    public bool IsInstallationAdmin { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public bool Removed { get; set; }
    /// <summary>Stored as its negation so that rows from before suspension existed read as active.</summary>
    public bool Inactive { get; set; }
    public string? Teams { get; set; }

    public static string KeyOf(string name) => name.ToLowerInvariant();

    public static NamespaceEntity From(UserAccount user) => new()
    {
        RowKey = TableKeys.Require(KeyOf(user.Name), nameof(user.Name)),
        Kind = UserKind,
        Name = user.Name,
        Email = user.Email,
        FullName = user.FullName,
        IsInstallationAdmin = user.IsInstallationAdmin,
        CreatedAt = StoredValues.Of(user.CreatedAt),
        Removed = user.Removed,
        Inactive = !user.IsActive,
        ETag = user.Version is null ? default : new ETag(user.Version),
    };

    public static NamespaceEntity From(Organization organization) => new()
    {
        RowKey = TableKeys.Require(KeyOf(organization.Name), nameof(organization.Name)),
        Kind = OrganizationKind,
        Name = organization.Name,
        CreatedAt = StoredValues.Of(organization.CreatedAt),
        Teams = StoredValues.Json(organization.Teams, nameof(Teams)),
        Removed = organization.Removed,
        ETag = organization.Version is null ? default : new ETag(organization.Version),
    };

    public UserAccount? ToUser() => Kind != UserKind ? null : new UserAccount
    {
        Name = Name,
        Email = Email,
        FullName = FullName,
        IsInstallationAdmin = IsInstallationAdmin,
        CreatedAt = StoredValues.DateOrDefault(CreatedAt),
        Removed = Removed,
        IsActive = !Inactive,
        Version = ETag.ToString(),
    };

    public Organization? ToOrganization() => Kind != OrganizationKind ? null : new Organization
    {
        Name = Name,
        CreatedAt = StoredValues.DateOrDefault(CreatedAt),
        Teams = StoredValues.FromJson<List<Team>>(Teams) ?? [],
        Removed = Removed,
        Version = ETag.ToString(),
    };
}
