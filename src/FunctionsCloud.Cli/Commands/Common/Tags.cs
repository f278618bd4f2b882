using System.CommandLine;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Common;

/// <summary><c>--tag NAME</c>, repeated: tags as the API writes them.</summary>
public static class Tags
{
    public static Option<string[]> Option(string description) => new("--tag")
    {
        Description = description + "; repeat for more",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Null when none were given, so that the API's defaults apply.</summary>
    public static IReadOnlyList<Tag>? Of(string[]? names) => names is { Length: > 0 } ? names.Select(n => new Tag(n)).ToList() : null;
}
