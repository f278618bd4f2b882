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
    private readonly System.Text.StringBuilder _errors = new();

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
        launcher.DrainOutput();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AllListeningAsync(cancellationToken))
        {
            if (launcher._process.HasExited)
                throw new InvalidOperationException($"Azurite exited with code {launcher._process.ExitCode} before listening. {launcher.Errors()}");
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

    // Azurite refuses --location together with --inMemoryPersistence; the working directory keeps any
    // stray files (e.g. a debug log) out of the caller's directory instead.
    private static ProcessStartInfo StartInfo()
    {
        var workingDirectory = Path.Combine(Path.GetTempPath(), $"functionscloud-azurite-{Environment.ProcessId}");
        Directory.CreateDirectory(workingDirectory);
        var info = new ProcessStartInfo(FindExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in new[] { "--inMemoryPersistence", "--skipApiVersionCheck", "--silent" })
            info.ArgumentList.Add(arg);
        return info;
    }

    // Redirected output must be read, or Azurite blocks once the pipe fills; keep the start of stderr for errors.
    private void DrainOutput()
    {
        _process!.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                if (e.Data is not null && _errors.Length < 8192)
                    _errors.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private string Errors()
    {
        lock (_errors)
            return _errors.ToString();
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
