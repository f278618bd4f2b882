namespace FunctionsCloud.Cli.Output;

/// <summary><c>--output</c>: tables for people, JSON (the API's objects) for scripts.</summary>
public enum OutputFormat
{
    Table,
    Json,
}
