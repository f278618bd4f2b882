namespace FunctionsCloud.Domain.Tokens;

/// <summary>
/// Lets hosts brought by their owners join a namespace as nodes. Known by the hash of its secret only;
/// usable <see cref="MaxUses"/> times until <see cref="ExpiresAt"/>, unless revoked.
/// </summary>
public sealed class RegistrationToken
{
    public required Guid Uuid { get; init; }
    public required string Namespace { get; init; }
    public required string SecretHash { get; init; }
    public int MaxUses { get; init; } = 1;
    public int Uses { get; private set; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public bool Revoked { get; private set; }
    public DateTimeOffset CreatedDatetime { get; init; }
    public string CreatedBy { get; init; } = "";
    /// <summary>Tags every node registered with this token gets, besides byon=true.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Version { get; set; }
    /// <summary>
    /// The nodes of the uses by hosts with a host key (whose node the token and key name), so that such a host retrying
    /// its registration does not spend another; at most <see cref="MaxClaims"/>, the latest. A use without a host key
    /// makes a new node each time, and no retry could find it, so it leaves no claim.
    /// </summary>
    public IReadOnlyList<Guid> ClaimedNodes { get; private set; } = [];

    /// <summary>The claims a token keeps: 16 bytes each, they fit one binary Table property (64 KiB).</summary>
    public const int MaxClaims = 4000;

    public int UsesLeft => Math.Max(0, MaxUses - Uses);

    public RegistrationTokenState StateAt(DateTimeOffset now) =>
        Revoked ? RegistrationTokenState.Revoked
        : Uses >= MaxUses ? RegistrationTokenState.Used
        : now >= ExpiresAt ? RegistrationTokenState.Expired
        : RegistrationTokenState.Active;

    /// <summary>
    /// Spends one use on the node, unless one went to that node already (its host retrying a registration whose answer
    /// it lost, even once the token has expired or been revoked); throws naming why the token cannot be used any more.
    /// </summary>
    /// <param name="keyed">The host has a host key, so the node is the same on a retry: the use is claimed for it.</param>
    /// <returns>False when the use was spent on that node before.</returns>
    public bool Spend(DateTimeOffset now, Guid node, bool keyed)
    {
        if (keyed && ClaimedNodes.Contains(node))
            return false;
        var state = StateAt(now);
        if (state != RegistrationTokenState.Active)
            throw new RegistrationTokenUnusableException(state);
        Uses++;
        if (keyed)
            ClaimedNodes = [.. ClaimedNodes.TakeLast(MaxClaims - 1), node];
        return true;
    }

    public void Revoke() => Revoked = true;

    public void Restore(int uses, bool revoked, IReadOnlyList<Guid>? claimedNodes = null) =>
        (Uses, Revoked, ClaimedNodes) = (uses, revoked, claimedNodes ?? []);
}

public enum RegistrationTokenState
{
    Active,
    Used,
    Expired,
    Revoked,
}

/// <summary>The token exists but cannot register a node any more; <see cref="State"/> says why.</summary>
public sealed class RegistrationTokenUnusableException(RegistrationTokenState state) : InvalidOperationException(state switch
{
    RegistrationTokenState.Used => "The registration token was already used.",
    RegistrationTokenState.Expired => "The registration token has expired.",
    RegistrationTokenState.Revoked => "The registration token was revoked.",
    _ => "The registration token cannot be used.",
})
{
    public RegistrationTokenState State { get; } = state;
}
