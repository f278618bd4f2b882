using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FunctionsCloud.Providers.Local;

namespace FunctionsCloud.LocalHost.Azurite;

/// <summary>
/// The storage emulator. <see cref="EnsureRunningAsync"/> serves the local run: it uses an emulator already
/// answering on 127.0.0.1:10000-10002, else starts Azurite there, keeping its data in a folder (so a restart
/// loses nothing). <see cref="StartPrivateAsync"/> serves test runs: an emulator of their own on free ports
/// (in memory unless given a folder), so parallel runs never share or stop each other's. Either way, an
/// emulator started here is stopped on dispose.
/// </summary>
public sealed class AzuriteLauncher : IAsyncDisposable
{
    public static readonly int[] DefaultPorts = [10000, 10001, 10002];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(15);

    // Azurite's well-known development account (public, documented; not a secret).
    private const string DevelopmentAccount = "devstoreaccount1";
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly int[] _ports;
    private readonly string? _dataDirectory;
    private readonly StringBuilder _errors = new();
    private readonly bool _ownSession;
    private readonly Action<string>? _collections;
    private Process? _process;
    private ProcessIdentity? _adopted;

    private AzuriteLauncher(int[] ports, string? dataDirectory, bool ownSession = false, Action<string>? collections = null)
    {
        _ports = ports;
        _dataDirectory = dataDirectory is null ? null : Path.GetFullPath(dataDirectory);
        _ownSession = ownSession;
        _collections = collections;
    }

    /// <summary>True when this launcher started the emulator, or took over one a killed run of it left (and so will stop it).</summary>
    public bool StartedHere => _process is not null || _adopted is not null;

    /// <summary>The emulator's process id while one started (or taken over) here runs; else null.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : _adopted?.Pid;

    /// <summary>Where a persistent emulator records its process id: beside its data folder.</summary>
    public static string PidFile(string dataDirectory) => Path.GetFullPath(dataDirectory).TrimEnd(Path.DirectorySeparatorChar) + ".pid";

    /// <summary>The storage connection string of this emulator (blob, queue, table).</summary>
    public string ConnectionString => _ports.SequenceEqual(DefaultPorts)
        ? "UseDevelopmentStorage=true"
        : $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccount};AccountKey={DevelopmentKey};" +
          $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/{DevelopmentAccount};QueueEndpoint=http://127.0.0.1:{_ports[1]}/{DevelopmentAccount};" +
          $"TableEndpoint=http://127.0.0.1:{_ports[2]}/{DevelopmentAccount};";

    /// <param name="dataDirectory">Where a started emulator keeps its data. One a killed run left running on that folder is taken over.</param>
    /// <remarks>
    /// A started emulator leads a session of its own (through <c>setsid</c>, where there is one), so that a terminal's
    /// Ctrl+C reaches the local run only, which stops the emulator last, once nothing needs storage any more.
    /// </remarks>
    public static async Task<AzuriteLauncher> EnsureRunningAsync(string dataDirectory, CancellationToken cancellationToken = default)
    {
        var launcher = new AzuriteLauncher(DefaultPorts, dataDirectory, ownSession: true);
        if (!await launcher.AllListeningAsync(cancellationToken))
            await launcher.StartAsync(cancellationToken);
        else
            launcher.AdoptLeftOver();
        return launcher;
    }

    /// <param name="dataDirectory">Keep the data in this folder (it then survives <see cref="StopAsync"/>); null: in memory.</param>
    /// <param name="ownSession">
    /// In a session of its own, as the local run's (<see cref="EnsureRunningAsync"/>); by default in the caller's, so that
    /// a test run interrupted with Ctrl+C takes its emulators with it.
    /// </param>
    /// <param name="collections">
    /// Hears each garbage collection of the emulator's Node.js runtime as it happens (a line of <c>node --trace-gc</c>),
    /// for load runs that place a latency tail; null: the emulator runs as usual.
    /// </param>
    public static async Task<AzuriteLauncher> StartPrivateAsync(
        string? dataDirectory = null, bool ownSession = false, Action<string>? collections = null, CancellationToken cancellationToken = default)
    {
        // The free ports can be taken by another process before Azurite binds them: then try others.
        for (var attempt = 1; ; attempt++)
        {
            var launcher = new AzuriteLauncher([FreePort(), FreePort(), FreePort()], dataDirectory, ownSession, collections);
            try
            {
                await launcher.StartAsync(cancellationToken);
                return launcher;
            }
            catch (InvalidOperationException) when (attempt < 3 && launcher._process is { HasExited: true })
            {
                await launcher.DisposeAsync();
            }
        }
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

    /// <summary>Starts the emulator again on the same ports (and folder) after <see cref="StopAsync"/>.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default) =>
        _process is null ? StartAsync(cancellationToken) : throw new InvalidOperationException("Azurite is running.");

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        _process = Process.Start(StartInfo()) ?? throw new InvalidOperationException("Azurite did not start.");
        if (_dataDirectory is not null)
            await File.WriteAllTextAsync(PidFile(_dataDirectory), $"{_process.Id}\n", cancellationToken);
        DrainOutput();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AllListeningAsync(cancellationToken))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before listening. {Errors()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Azurite did not listen on ports {string.Join(", ", _ports)} within {StartTimeout.TotalSeconds} s.");
            await Task.Delay(100, cancellationToken);
        }
    }

    // In memory, the working directory keeps any stray files (e.g. a debug log) out of the caller's directory
    // (Azurite refuses --location together with --inMemoryPersistence); persistent, the data folder is both.
    private ProcessStartInfo StartInfo()
    {
        var workingDirectory = _dataDirectory ?? Path.Combine(Path.GetTempPath(), $"functionscloud-azurite-{Environment.ProcessId}-{_ports[2]}");
        Directory.CreateDirectory(workingDirectory);
        var setsid = _ownSession ? SetsidPath() : null;
        var command = Command();
        var info = new ProcessStartInfo(setsid ?? command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        // setsid runs it in place (same pid): it is no group leader
        foreach (var part in setsid is null ? command[1..] : command)
            info.ArgumentList.Add(part);
        string[] persistence = _dataDirectory is null ? ["--inMemoryPersistence"] : ["--location", _dataDirectory];
        foreach (var arg in persistence.Concat(
                 [
                     "--skipApiVersionCheck", "--silent",
                     "--blobPort", $"{_ports[0]}", "--queuePort", $"{_ports[1]}", "--tablePort", $"{_ports[2]}",
                 ]))
            info.ArgumentList.Add(arg);
        return info;
    }

    /// <summary>Azurite itself, or (its collections heard) Node.js running Azurite's script with collections traced.</summary>
    private string[] Command()
    {
        var azurite = FindExecutable();
        if (_collections is null)
            return [azurite];
        return Path.IsPathRooted(azurite)
            ? ["node", "--trace-gc", azurite]
            : throw new InvalidOperationException("Tracing the emulator's collections needs the repository's Azurite (src/FunctionsCloud.LocalHost/azurite).");
    }

    // Redirected output must be read, or Azurite blocks once the pipe fills; keep the start of stderr for errors.
    private void DrainOutput()
    {
        _process!.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _collections?.Invoke(e.Data);
        };
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

    private async Task<bool> AllListeningAsync(CancellationToken cancellationToken)
    {
        foreach (var port in _ports)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? SetsidPath() =>
        OperatingSystem.IsWindows() ? null : new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    /// <summary>
    /// An emulator that answers on our ports and whose recorded pid runs on our folder was left by a killed run: ours to
    /// stop. It is known by its start time too, so that a process given its pid later is never taken for it.
    /// </summary>
    private void AdoptLeftOver()
    {
        if (_dataDirectory is not null && LocalProcesses.ReadPid(PidFile(_dataDirectory)) is { } pid)
            _adopted = ProcessIdentity.Of(pid, _dataDirectory);
    }

    /// <summary>Stops the emulator if it was started (or taken over) here; a persistent one keeps its data for the next start.</summary>
    public async Task StopAsync()
    {
        if (_adopted is { } adopted)
        {
            // Only while it is the process taken over: SIGTERM (it saves its data), then a kill if it does not end.
            await adopted.StopAsync(ShutdownGrace);
            _adopted = null;
        }

        if (_process is null)
            return;
        if (!_process.HasExited)
        {
            if (_dataDirectory is not null)
                await ShutDownAsync(_process);
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }

    // Azurite keeps its data in memory and saves it every few seconds; SIGTERM makes it save before it exits.
    private static async Task ShutDownAsync(Process process)
    {
        LocalProcesses.RequestStop(process.Id);
        using var timeout = new CancellationTokenSource(ShutdownGrace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed below.
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
