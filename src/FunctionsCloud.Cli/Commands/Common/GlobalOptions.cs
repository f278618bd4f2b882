using System.CommandLine;
using FunctionsCloud.Cli.Output;

namespace FunctionsCloud.Cli.Commands.Common;

/// <summary>Options every command takes.</summary>
public static class GlobalOptions
{
    public static readonly Option<OutputFormat> Output = new("--output", "-o")
    {
        Description = "table for people, json for scripts (the API's objects)",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    static GlobalOptions()
    {
        // Completed as people type them, instead of the enum's capitalised names.
        Output.CompletionSources.Clear();
        Output.CompletionSources.Add("table", "json");
    }
}
