namespace FunctionsCloud.Agent.Heartbeats;

/// <summary>Why the heartbeat loop ended (other than being cancelled).</summary>
public enum HeartbeatOutcome
{
    /// <summary>The control plane answered 404 or 401: the node was terminated or its secret is no longer valid.</summary>
    NodeGone,
}
