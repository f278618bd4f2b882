namespace FunctionsCloud.Cli.Runtime;

/// <summary>A failure the command line tells itself (nothing by that name, not signed in), with its exit code.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
