using System.Diagnostics;
using FunctionsCloud.Providers.Local;

namespace FunctionsCloud.Providers.Tests.Local;

/// <summary>A process known from a pid file is signalled only while it is the process that was recorded, never one that got its pid later.</summary>
public sealed class ProcessIdentityTests : IDisposable
{
    private readonly string _marker = Path.Combine(Path.GetTempPath(), "fc-process-identity-" + Guid.NewGuid().ToString("N"));
    private readonly Process _sleeper;

    public ProcessIdentityTests()
    {
        // The marker is the shell's $0, so /proc shows it among its arguments, as an agent shows its state directory.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in (string[])["-c", "sleep 300", _marker])
            start.ArgumentList.Add(argument);
        _sleeper = Process.Start(start)!;
    }

    [Fact]
    public async Task The_recorded_process_is_stopped_and_waited_for()
    {
        var identity = Identity();

        await identity.StopAsync(TimeSpan.FromSeconds(10));

        Assert.False(identity.IsRunning);
        Assert.True(_sleeper.WaitForExit(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_process_that_reused_the_recorded_pid_is_left_alone()
    {
        var current = Identity();
        // What a pid file of an earlier process with this pid stands for: the same pid, started before.
        var earlier = current with { StartTime = current.StartTime - 1 };

        await earlier.StopAsync(TimeSpan.FromMilliseconds(200));
        earlier.KillTree();

        Assert.False(earlier.IsRunning);
        Assert.True(current.IsRunning);
        Assert.False(_sleeper.HasExited);
    }

    [Fact]
    public void A_pid_whose_process_lacks_the_argument_is_not_taken_for_it() =>
        Assert.Null(ProcessIdentity.Of(Environment.ProcessId, _marker));

    // Process.Start returns once the child has exec'd, so its arguments show at once.
    private ProcessIdentity Identity() => Assert.IsType<ProcessIdentity>(ProcessIdentity.Of(_sleeper.Id, _marker));

    public void Dispose()
    {
        if (!_sleeper.HasExited)
            _sleeper.Kill(entireProcessTree: true);
        _sleeper.Dispose();
    }
}
