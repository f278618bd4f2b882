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

    public int UsesLeft => Math.Max(0, MaxUses - Uses);

    public RegistrationTokenState StateAt(DateTimeOffset now) =>
        Revoked ? RegistrationTokenState.Revoked
        : Uses >= MaxUses ? RegistrationTokenState.Used
        : now >= ExpiresAt ? RegistrationTokenState.Expired
        : RegistrationTokenState.Active;

    /// <summary>Spends one use; throws naming why the token cannot be used any more.</summary>
    public void Spend(DateTimeOffset now)
    {
        var state = StateAt(now);
        if (state != RegistrationTokenState.Active)
            throw new RegistrationTokenUnusableException(state);
        Uses++;
    }

    public void Revoke() => Revoked = true;

    public void Restore(int uses, bool revoked) => (Uses, Revoked) = (uses, revoked);
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
