using FunctionsCloud.Agent.Identity;

namespace FunctionsCloud.Agent.Registration;

/// <summary>The identity the agent runs as, and the heartbeat interval the control plane gave at registration (null when it did not register now).</summary>
public sealed record RegisteredNode(NodeIdentity Identity, TimeSpan? HeartbeatInterval, bool RegisteredNow);
