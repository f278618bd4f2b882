using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace FunctionsCloud.Testing.Docker;

/// <summary>
/// Docker's reference registry (Debian's docker-registry) on a loopback port with htpasswd authentication, for the
/// tests of private images. When the machine lacks it, the repository's set-up script (.ci/registry) installs it once;
/// if that fails, so do the tests. The engine pulls from 127.0.0.1 over plain HTTP, as it does from
/// any loopback registry; without credentials the registry refuses every request.
/// </summary>
public sealed class LoopbackRegistry : IAsyncDisposable
{
    public const string User = "team";

    private readonly string _folder;
    private readonly Process _process;

    private readonly Queue<string> _output = new();

    private LoopbackRegistry(string folder, Process process, int port, string password)
    {
        _folder = folder;
        _process = process;
        Host = $"127.0.0.1:{port}";
        Password = password;
    }

    public string Password { get; }

    /// <summary>How images name the registry: 127.0.0.1:port.</summary>
    public string Host { get; }

    private static readonly string[] Tools = ["/usr/bin/docker-registry", "/usr/bin/htpasswd"];
    private static readonly Lazy<Task> Installed = new(InstallAsync);

    public static async Task<LoopbackRegistry> StartAsync()
    {
        await Installed.Value;

        var folder = Directory.CreateTempSubdirectory("functionscloud-registry-").FullName;
        var port = LoopbackPort.Free();
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        await WriteConfigurationAsync(folder, port, password);
        var process = new Process { StartInfo = new ProcessStartInfo("docker-registry", ["serve", Path.Combine(folder, "config.yml")]) { RedirectStandardOutput = true, RedirectStandardError = true } };
        var registry = new LoopbackRegistry(folder, process, port, password);
        process.OutputDataReceived += (_, line) => registry.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => registry.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Eventually.HoldsAsync(registry.AnswersAsync, TimeSpan.FromSeconds(30), $"the registry at {registry.Host} to answer");
        return registry;
    }

    /// <summary>
    /// Pushes a local image to the registry as <paramref name="repository"/>:latest with the credentials (through a
    /// docker configuration folder of the registry's own, removed with it), then removes the local name, so that the
    /// engine must pull it again. Returns the image's name.
    /// </summary>
    public async Task<string> PushAsync(string localImage, string repository)
    {
        var image = $"{Host}/{repository}:latest";
        var config = Path.Combine(_folder, "docker");
        await DockerCli.OutputAsync("tag", localImage, image);
        await DockerCli.OutputAsync("--config", config, "login", "-u", User, "-p", Password, Host);
        await DockerCli.OutputAsync("--config", config, "push", image);
        await DockerCli.OutputAsync("rmi", image);
        return image;
    }

    private static async Task InstallAsync()
    {
        if (Tools.All(File.Exists))
            return;
        var script = Path.Combine(DockerEngine.RepositoryRoot(), ".ci", "registry");
        var (exitCode, output) = await ProcessRunner.RunAsync("bash", script);
        if (exitCode != 0 || !Tools.All(File.Exists))
            throw new InvalidOperationException($"No docker-registry and htpasswd; {script} said ({exitCode}): {output}");
    }

    /// <summary>Up once it refuses an anonymous request as a registry does (401); what it printed goes with a failure.</summary>
    private async Task<bool> AnswersAsync()
    {
        if (_process.HasExited)
            throw new InvalidOperationException($"docker-registry exited ({_process.ExitCode}): {string.Join('\n', Output())}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (await http.GetAsync($"http://{Host}/v2/")).StatusCode == HttpStatusCode.Unauthorized;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 50)
                _output.Dequeue();
        }
    }

    private string[] Output()
    {
        lock (_output)
            return [.. _output];
    }

    private static async Task WriteConfigurationAsync(string folder, int port, string password)
    {
        var (exitCode, hash) = await ProcessRunner.RunAsync("htpasswd", "-Bbn", User, password);
        if (exitCode != 0)
            throw new InvalidOperationException($"htpasswd failed ({exitCode}): {hash}");
        await File.WriteAllTextAsync(Path.Combine(folder, "htpasswd"), hash.Trim() + "\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "config.yml"), $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(folder, "data")}
            http:
              addr: 127.0.0.1:{port}
            auth:
              htpasswd:
                realm: functionscloud-test
                path: {Path.Combine(folder, "htpasswd")}
            """);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
