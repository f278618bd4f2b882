using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.LocalHost.Configuration;
using FunctionsCloud.LocalHost.LocalRun;
using FunctionsCloud.Providers.Local;

namespace FunctionsCloud.Testing.Crashes;

/// <summary>
/// The local run (<c>FunctionsCloud.LocalHost</c>) as a child process, so that a test can kill it with SIGKILL at any
/// point and start it again with the same settings: same address (its agents keep calling it), tables, task hub and
/// local nodes. Its output goes to <see cref="LogFile"/>, across restarts.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, string?> _environment;
    private readonly StreamWriter _log;
    private Process? _process;
    private bool _logClosed;

    private LocalHostProcess(TestAppSettings settings, IReadOnlyDictionary<string, string?>? extra)
    {
        Settings = settings;
        Directory.CreateDirectory(settings.StateRoot);
        LogFile = Path.Combine(settings.StateRoot, "localhost.log");
        _log = new StreamWriter(LogFile, append: true) { AutoFlush = true };
        _environment = settings.Values(extra).ToDictionary(e => e.Key.Replace(":", "__", StringComparison.Ordinal), e => e.Value);
        _environment["LocalHost__Urls"] = $"http://127.0.0.1:{settings.Port}";
        _environment[LocalRunState.Setting.Replace(":", "__", StringComparison.Ordinal)] = Path.Combine(settings.StateRoot, "local-run");
        BaseAddress = new Uri($"http://127.0.0.1:{settings.Port}/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(BasicCredentials.Header(TestAppSettings.AdminUser, settings.AdminKey));
    }

    public TestAppSettings Settings { get; }

    public Uri BaseAddress { get; }

    /// <summary>Authenticated as the admin.</summary>
    public HttpClient Client { get; }

    public string LogFile { get; }

    /// <summary>Starts the local host on a free port, with the test settings and <paramref name="extra"/> on top.</summary>
    public static async Task<LocalHostProcess> StartAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var host = new LocalHostProcess(TestAppSettings.New(LoopbackPort.Free()), extra);
        await host.StartAgainAsync();
        return host;
    }

    /// <summary>Starts the process (again) and waits until the API answers; returns when it was started.</summary>
    public async Task<DateTimeOffset> StartAgainAsync()
    {
        if (_process is { HasExited: false })
            throw new InvalidOperationException("The local host is running.");
        _process?.Dispose();
        var startedAt = DateTimeOffset.UtcNow;
        _process = Process.Start(StartInfo()) ?? throw new InvalidOperationException("The local host did not start.");
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();
        return startedAt;
    }

    /// <summary>SIGKILL: no shutdown code runs (the agents it started run on, in their own sessions).</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException("The local host is not running.");
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
        Log("--- killed (SIGKILL) ---");
    }

    /// <summary>SIGTERM, as Ctrl+C: the host stops what it started (agents, their containers) and exits.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
            return;
        LocalProcesses.RequestStop(process.Id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The local host did not stop within 90 s of SIGTERM; see {LogFile}.");
        }
    }

    public async Task<JsonObject> GetJsonAsync(string uri) => (await Client.GetFromJsonAsync<JsonObject>(uri))!;

    /// <summary>POSTs a new object to the collection; returns its resource URI.</summary>
    public async Task<string> CreateAsync(string collection, object body)
    {
        using var response = await Client.PostAsJsonAsync(collection, body);
        await FunctionsCloudTestHost.ExpectAsync(response, HttpStatusCode.Created);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["resource_uri"]!;
    }

    /// <summary>Expects the operation to be accepted; returns its action's URI.</summary>
    public static async Task<string> AcceptedAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        await FunctionsCloudTestHost.ExpectAsync(response, HttpStatusCode.Accepted);
        return FunctionsCloudTestHost.ActionUri(response);
    }

    /// <summary>Waits for the action and expects it to end in Success.</summary>
    public async Task SucceedsAsync(string actionUri, TimeSpan within)
    {
        var action = await WaitForActionAsync(actionUri, within);
        Xunit.Assert.True((string?)action["state"] == "Success", $"{action["action"]}: {await GetLogTextAsync(actionUri)} (log: {LogFile})");
    }

    /// <summary>An action's log as text, as <c>.../logs/</c> answers it.</summary>
    private async Task<string> GetLogTextAsync(string actionUri)
    {
        using var response = await Client.GetAsync(actionUri.TrimEnd('/') + "/logs/");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Polls the action until it is Success or Failed.</summary>
    public async Task<JsonObject> WaitForActionAsync(string actionUri, TimeSpan within)
    {
        JsonObject action = [];
        await Eventually.HoldsAsync(async () =>
        {
            action = await GetJsonAsync(actionUri);
            return (string?)action["state"] is "Success" or "Failed";
        }, within, $"action {actionUri} to end (log: {LogFile})");
        return action;
    }

    private ProcessStartInfo StartInfo()
    {
        var info = new ProcessStartInfo(new LocalNodeProviderOptions().ResolveDotnetPath())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The repository root: the local run reads host.json and the sample settings there (the environment wins).
            WorkingDirectory = RepositoryRoot.Find(AppContext.BaseDirectory)!,
        };
        info.ArgumentList.Add(LocalHostAssembly());
        foreach (var (key, value) in _environment)
            info.Environment[key] = value;
        return info;
    }

    /// <summary>The local host's build beside the test's: src/FunctionsCloud.LocalHost/bin/&lt;configuration&gt;/&lt;framework&gt;/.</summary>
    private static string LocalHostAssembly()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var path = Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory)!, "src", "FunctionsCloud.LocalHost", "bin",
            framework.Parent!.Name, framework.Name, "FunctionsCloud.LocalHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The local host is not built.", path);
    }

    private async Task WaitUntilAnsweringAsync()
    {
        await Eventually.HoldsAsync(async () =>
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"The local host exited with code {_process.ExitCode}; see {LogFile}.");
            try
            {
                using var response = await Client.GetAsync("/api/infra/v1/provider/");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, StartTimeout, $"the local host to answer (log: {LogFile})");
    }

    private void Log(string? line)
    {
        if (line is null)
            return;
        lock (_log)
        {
            if (!_logClosed)
                _log.WriteLine(line);
        }
    }

    /// <summary>Stops the host as Ctrl+C does (its agents and their containers go with it).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _process?.Dispose();
            Client.Dispose();
            lock (_log)
            {
                _logClosed = true;
                _log.Dispose();
            }
        }
    }
}
