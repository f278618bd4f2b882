using System.Globalization;
using System.Text.RegularExpressions;
using FunctionsCloud.Client.Http;

namespace FunctionsCloud.Dashboard.Stackfiles;

/// <summary>
/// One thing the API refused in a stackfile, at its line when the API named one ("line 3, column 5: ..."), with
/// the place it named ("web.image", "stackfile"). Shown beside the text, with the text of that line quoted.
/// </summary>
public sealed partial record StackfileProblem(int? Line, int? Column, string Place, string Message)
{
    /// <summary>The stack's own fields (its name), shown at their inputs rather than at a line.</summary>
    public static readonly IReadOnlySet<string> StackFields = new HashSet<string>(StringComparer.Ordinal) { "name", "nickname" };

    /// <summary>What the refusal says of the stackfile, by line (problems without one first).</summary>
    public static IReadOnlyList<StackfileProblem> Of(ApiException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Errors
            .Where(e => !StackFields.Contains(e.Key))
            .SelectMany(e => e.Value.Select(message => Parse(e.Key, message)))
            .OrderBy(p => p.Line ?? 0).ThenBy(p => p.Column ?? 0).ThenBy(p => p.Place, StringComparer.Ordinal)
            .ToList();
    }

    public static StackfileProblem Parse(string place, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = LinePrefix().Match(message);
        return match.Success
            ? new StackfileProblem(Number(match.Groups["line"].Value), Number(match.Groups["column"].Value), place, match.Groups["message"].Value)
            : new StackfileProblem(null, null, place, message);
    }

    /// <summary>The text of <see cref="Line"/> in <paramref name="stackfile"/>, trimmed; null when it has no such line.</summary>
    public string? QuoteFrom(string stackfile)
    {
        ArgumentNullException.ThrowIfNull(stackfile);
        if (Line is not { } line)
            return null;
        var lines = stackfile.ReplaceLineEndings("\n").Split('\n');
        return line >= 1 && line <= lines.Length ? lines[line - 1].Trim() : null;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^line (?<line>\d{1,9}), column (?<column>\d{1,9}): (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex LinePrefix();
}
