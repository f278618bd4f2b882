using System.Diagnostics;

namespace FunctionsCloud.Infrastructure.Tests.Hooks;

/// <summary>
/// Runs the azd hooks (copied beside the tests, under infra/hooks/) with /bin/sh and a PATH of one's choosing:
/// a folder of stub commands, so that no real `az` or Azure is involved.
/// </summary>
public sealed class HookShell : IDisposable
{
    private readonly string _stubs = Directory.CreateTempSubdirectory("fc-hook-stubs-").FullName;

    /// <summary>The stubs folder, where a stub `az` writes what it was asked (calls.log).</summary>
    public string Stubs => _stubs;

    /// <summary>A stub command: a sh script with the given body.</summary>
    public void Stub(string command, string body)
    {
        var path = Path.Combine(_stubs, command);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        // The hooks are POSIX sh scripts: these tests run where they do.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>A real command made available on a PATH of stubs alone.</summary>
    public void Allow(string command)
    {
        var real = new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, command)).First(File.Exists);
        File.CreateSymbolicLink(Path.Combine(_stubs, command), real);
    }

    public IReadOnlyList<string> Calls =>
        File.Exists(Path.Combine(_stubs, "calls.log")) ? File.ReadAllLines(Path.Combine(_stubs, "calls.log")) : [];

    /// <summary>Runs `sh -c script` in the test output folder (the hooks' checkout root) with PATH as given.</summary>
    public HookResult Run(string script, string path, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", script])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = path;
        start.Environment["HOME"] = _stubs;
        start.Environment["TMPDIR"] = Path.GetTempPath();
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "The hook did not end within 30 s.");
        return new HookResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The stubs first, then the machine's own commands.</summary>
    public string StubsThenSystem => $"{_stubs}:/usr/bin:/bin";

    public void Dispose() => Directory.Delete(_stubs, recursive: true);
}

public sealed record HookResult(int ExitCode, string Output, string Error);
