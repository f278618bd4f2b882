namespace FunctionsCloud.Agent.Hosting;

/// <summary>The exit code the agent's process should end with; set by the worker before it stops the host.</summary>
public sealed class AgentExitStatus
{
    private int _exitCode = AgentExitCodes.Success;

    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>Why the agent stopped on its own; null when it was stopped from outside (signal).</summary>
    public string? StopReason { get; private set; }

    public void Set(int exitCode, string reason)
    {
        Volatile.Write(ref _exitCode, exitCode);
        StopReason = reason;
    }
}
