using FunctionsCloud.LocalHost.Azurite;
using FunctionsCloud.Providers.Local;

namespace FunctionsCloud.LocalHost.Tests;

/// <summary>Where the emulator runs, as the terminal's Ctrl+C sees it (it reaches the foreground process group of the terminal's session).</summary>
public sealed class AzuriteSessionTests
{
    [Fact]
    public async Task The_local_runs_emulator_leads_a_session_of_its_own_so_Ctrl_C_reaches_the_host_only()
    {
        await using var azurite = await AzuriteLauncher.StartPrivateAsync(ownSession: true);

        var pid = azurite.ProcessId!.Value;
        Assert.Equal(pid, LocalProcesses.SessionOf(pid));
        Assert.NotEqual(LocalProcesses.SessionOf(Environment.ProcessId), LocalProcesses.SessionOf(pid));
    }

    [Fact]
    public async Task A_test_runs_emulator_stays_in_the_callers_session_so_Ctrl_C_takes_it_along()
    {
        await using var azurite = await AzuriteLauncher.StartPrivateAsync();

        Assert.Equal(LocalProcesses.SessionOf(Environment.ProcessId), LocalProcesses.SessionOf(azurite.ProcessId!.Value));
    }
}
