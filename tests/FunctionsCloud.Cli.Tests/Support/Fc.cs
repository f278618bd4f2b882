using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Cli.Tests.Support;

/// <summary>What one run of fc did: its exit code and what it wrote to stdout and stderr.</summary>
public sealed record FcResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Expects exit 0 and returns stdout's first line (an operation's uuid).</summary>
    public string Succeeded()
    {
        Assert.True(ExitCode == 0, ToString());
        return OutLines.FirstOrDefault() ?? "";
    }
}

/// <summary>
/// fc run in-process as a person would run it, without a terminal: its own config folder (deleted at the end) and
/// its own environment variables (the machine's FC_* never leak in).
/// </summary>
public sealed class Fc : IDisposable
{
    public Fc(IReadOnlyDictionary<string, string>? variables = null)
    {
        ConfigDirectory = Path.Combine(Path.GetTempPath(), "fc-tests", Guid.NewGuid().ToString("N"), "functionscloud");
        Variables = new Dictionary<string, string>(variables ?? new Dictionary<string, string>());
    }

    public string ConfigDirectory { get; }
    public Dictionary<string, string> Variables { get; }

    public async Task<FcResult> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        return new FcResult(await RunAsync(output, error, CancellationToken.None, args), output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs a command that goes on until interrupted (a follow), and interrupts it, as Ctrl+C would, once what it printed
    /// satisfies <paramref name="enough"/>.
    /// </summary>
    public async Task<FcResult> RunUntilAsync(Func<string, Task<bool>> enough, TimeSpan patience, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var printed = TextWriter.Synchronized(output);
        using var interrupt = new CancellationTokenSource();
        var run = RunAsync(printed, error, interrupt.Token, args);
        await Eventually.HoldsAsync(async () => run.IsCompleted || await enough(Read(printed, output)), patience, $"fc {string.Join(' ', args)} printed what was awaited");
        await interrupt.CancelAsync();
        return new FcResult(await run, Read(printed, output), error.ToString());
    }

    private static string Read(TextWriter printed, StringWriter output)
    {
        lock (printed)
            return output.ToString();
    }

    private Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken cancellation, string[] args)
    {
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            Variable = name => Variables.GetValueOrDefault(name),
            ConfigDirectory = ConfigDirectory,
            PollInterval = TimeSpan.FromMilliseconds(200),
        };
        return FcApp.RunAsync(args, environment, cancellation);
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(ConfigDirectory)!;
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
    }
}
