namespace FunctionsCloud.Providers.Local;

/// <summary>
/// A process this machine runs, as it was when first seen: its pid and its start time. A pid file can outlive its
/// process and the pid be given to another; that one started later, so an identity never stands for it, and signals
/// sent through an identity never reach it.
/// </summary>
public sealed record ProcessIdentity(int Pid, ulong StartTime)
{
    /// <summary>The live process <paramref name="pid"/>, if one of its arguments is <paramref name="argument"/>; else null.</summary>
    public static ProcessIdentity? Of(int pid, string argument) =>
        LocalProcesses.StartTimeOf(pid) is { } started && LocalProcesses.IsAliveWithArgument(pid, argument)
            ? new ProcessIdentity(pid, started)
            : null;

    /// <summary>Whether the process is still running (a later process with the same pid is not it).</summary>
    public bool IsRunning => LocalProcesses.StartTimeOf(Pid) == StartTime;

    /// <summary>Asks the process to stop (SIGTERM) if it still runs.</summary>
    public void RequestStop()
    {
        if (IsRunning)
            LocalProcesses.RequestStop(Pid);
    }

    /// <summary>Kills the process and its descendants if it still runs.</summary>
    public void KillTree()
    {
        if (IsRunning)
            LocalProcesses.KillTree(Pid);
    }

    /// <summary>SIGTERM, then waits up to <paramref name="grace"/> for it to end; still running then, it is killed and waited for a little more.</summary>
    public async Task StopAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        RequestStop();
        if (await EndedWithinAsync(grace, cancellationToken).ConfigureAwait(false))
            return;
        KillTree();
        await EndedWithinAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
    }

    // Not our child: nothing to wait on but /proc.
    private async Task<bool> EndedWithinAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsRunning)
        {
            if (DateTime.UtcNow >= deadline)
                return false;
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
