using System.Diagnostics;
using System.Net.Sockets;

namespace FunctionsCloud.LocalHost.Azurite;

/// <summary>
/// Makes sure the storage emulator answers on 127.0.0.1:10000-10002: uses one that is already listening,
/// else starts Azurite (in memory) from the copy installed beside this host, and stops it on dispose.
/// </summary>
public sealed class AzuriteLauncher : IAsyncDisposable
{
    public static readonly int[] Ports = [10000, 10001, 10002];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private Process? _process;

    private AzuriteLauncher()
    {
    }

    /// <summary>True when this launcher started the emulator (and so will stop it).</summary>
    public bool StartedHere => _process is not null;

    public static async Task<AzuriteLauncher> EnsureRunningAsync(CancellationToken cancellationToken = default)
    {
        var launcher = new AzuriteLauncher();
        if (await AllListeningAsync(cancellationToken))
            return launcher;

        launcher._process = Process.Start(StartInfo()) ?? throw new InvalidOperationException("Azurite did not start.");
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AllListeningAsync(cancellationToken))
        {
            if (launcher._process.HasExited)
                throw new InvalidOperationException($"Azurite exited with code {launcher._process.ExitCode} before listening. {await launcher._process.StandardError.ReadToEndAsync(cancellationToken)}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Azurite did not listen on ports {string.Join(", ", Ports)} within {StartTimeout.TotalSeconds} s.");
            await Task.Delay(100, cancellationToken);
        }

        return launcher;
    }

    public static string FindExecutable()
    {
        foreach (var root in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[]
                         {
                             Path.Combine(dir.FullName, "azurite", "node_modules", ".bin", "azurite"),
                             Path.Combine(dir.FullName, "src", "FunctionsCloud.LocalHost", "azurite", "node_modules", ".bin", "azurite"),
                         })
                {
                    if (File.Exists(candidate))
                        return candidate;
                }
            }
        }

        return "azurite"; // from PATH, e.g. a global npm install
    }

    private static ProcessStartInfo StartInfo()
    {
        var location = Path.Combine(Path.GetTempPath(), $"functionscloud-azurite-{Environment.ProcessId}");
        Directory.CreateDirectory(location);
        var info = new ProcessStartInfo(FindExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--inMemoryPersistence", "--skipApiVersionCheck", "--silent", "--location", location })
            info.ArgumentList.Add(arg);
        return info;
    }

    private static async Task<bool> AllListeningAsync(CancellationToken cancellationToken)
    {
        foreach (var port in Ports)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
            return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }
}
