namespace FunctionsCloud.Domain.Accounts;

/// <summary>
/// A user of the installation, whose own namespace bears their name and is theirs to administer. A removed user stays
/// as a tombstone: the name, and so the namespace with whatever is left in it, is never given to anyone else.
/// </summary>
public sealed record UserAccount
{
    public required string Name { get; init; }
    public string? Email { get; init; }
    public string? FullName { get; init; }
    /// <summary>May make and remove users and organizations (the installation's administrators).</summary>
    public bool IsInstallationAdmin { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool Removed { get; init; }
    /// <summary>False while an administrator has suspended the user: their keys are refused until they are active again.</summary>
    public bool IsActive { get; init; } = true;
    /// <summary>The stored copy's version (its ETag) when read from storage: a change is written only over that copy.</summary>
    public string? Version { get; init; }

    /// <summary>An administrator of the installation who can act now (not removed, not suspended).</summary>
    public bool IsActingInstallationAdmin => IsInstallationAdmin && IsActive && !Removed;
}
