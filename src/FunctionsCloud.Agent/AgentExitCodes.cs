namespace FunctionsCloud.Agent;

/// <summary>The agent's process exit codes.</summary>
public static class AgentExitCodes
{
    /// <summary>Stopped by a signal.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure (e.g. an unreadable identity file).</summary>
    public const int Failure = 1;

    /// <summary>Bad or missing options.</summary>
    public const int BadOptions = 2;

    /// <summary>
    /// The control plane no longer knows the node (terminated, or its secret revoked): starting again cannot help, so
    /// the installed systemd unit does not restart on it (<c>RestartPreventExitStatus</c> in install.sh).
    /// </summary>
    public const int NodeTerminated = 3;
}
