using FunctionsCloud.Storage.Commands;

namespace FunctionsCloud.Application.Commands;

/// <summary>What a delivery found when it recorded its message's key.</summary>
public sealed record CommandClaim(CommandClaimKind Kind, CommandReceipt Receipt)
{
    /// <summary>Whether this delivery is to carry the command out.</summary>
    public bool Owned => Kind is CommandClaimKind.New or CommandClaimKind.TakenOver;
}

public enum CommandClaimKind
{
    /// <summary>First delivery: nothing was recorded for the key.</summary>
    New,

    /// <summary>An earlier delivery recorded the key but did not settle it in time; it may have started the operation.</summary>
    TakenOver,

    /// <summary>The key was handled already: its outcome is in the receipt.</summary>
    Settled,

    /// <summary>Another delivery of the same key is being handled right now.</summary>
    InFlight,
}
