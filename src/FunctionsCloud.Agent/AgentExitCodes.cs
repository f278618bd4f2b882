namespace FunctionsCloud.Agent;

/// <summary>The agent's process exit codes.</summary>
public static class AgentExitCodes
{
    /// <summary>Stopped by a signal, or the control plane no longer knows the node (terminated).</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure (e.g. an unreadable identity file).</summary>
    public const int Failure = 1;

    /// <summary>Bad or missing options.</summary>
    public const int BadOptions = 2;
}
