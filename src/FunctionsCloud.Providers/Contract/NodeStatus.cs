namespace FunctionsCloud.Providers.Contract;

/// <summary>How far a node's machine has come, as its provider sees it.</summary>
public enum NodeProvisioning
{
    /// <summary>Still being made (an Azure deployment running, a droplet booting).</summary>
    Pending,
    /// <summary>The machine runs; its agent will register once booted.</summary>
    Running,
    /// <summary>The provider gave up on it; <see cref="NodeStatus.Error"/> says why.</summary>
    Failed,
    /// <summary>The provider knows no such machine.</summary>
    Gone,
}

public sealed record NodeStatus(Guid NodeUuid, NodeProvisioning State, string? ProviderId = null, string? PublicIp = null, string? Error = null);
