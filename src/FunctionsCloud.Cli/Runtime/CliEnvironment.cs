namespace FunctionsCloud.Cli.Runtime;

/// <summary>
/// What <c>fc</c> takes from its surroundings: where it writes, its environment variables, where its configuration
/// lives and whether people are watching. Tests run the whole command line in-process with one of their own.
/// </summary>
public sealed record CliEnvironment
{
    public required TextWriter Out { get; init; }
    public required TextWriter Error { get; init; }
    public required Func<string, string?> Variable { get; init; }

    /// <summary>The folder of <c>config.json</c>.</summary>
    public required string ConfigDirectory { get; init; }

    /// <summary>A person's terminal on stdout: tables fit its width. Without one, lines are never wrapped.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>A person's terminal on stderr: progress is a spinner. Without one (CI, a pipe), plain lines.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>A person can answer questions (fc login asks for what it was not given).</summary>
    public bool InIsTerminal { get; init; }

    /// <summary>How often a followed action is read again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public static CliEnvironment FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        Variable = Environment.GetEnvironmentVariable,
        ConfigDirectory = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "functionscloud"),
        OutIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        InIsTerminal = !Console.IsInputRedirected,
    };
}
