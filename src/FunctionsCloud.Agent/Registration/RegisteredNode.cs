using FunctionsCloud.Agent.Identity;

namespace FunctionsCloud.Agent.Registration;

/// <summary>
/// The identity the agent runs as, the heartbeat interval the control plane gave at registration (null when it did
/// not register now), and the lease to echo with the first heartbeat (null after a restart: that beat costs the
/// control plane one read more).
/// </summary>
public sealed record RegisteredNode(NodeIdentity Identity, TimeSpan? HeartbeatInterval, bool RegisteredNow, string? Lease = null);
