using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Agents;

/// <summary>
/// Bounds on the image variables an agent reports for a container, so that they fit its stored row beside the spec
/// however they are escaped. Images have a handful; an agent cuts a longer list at these bounds (<see cref="Fit"/>).
/// </summary>
public static class ImageEnvironmentRules
{
    public const int MaxVariables = 128;

    /// <summary>Keys and values together.</summary>
    public const int MaxLength = 8 * 1024;

    /// <summary>The image variables one heartbeat carries at most, all containers together; the rest go with the next ones.</summary>
    public const int MaxPerHeartbeat = 64 * 1024;

    /// <summary>What makes one variable unfit (null: fit).</summary>
    public static string? Problem(EnvironmentVariable? variable) =>
        variable is null ? "must be a variable object."
        : string.IsNullOrEmpty(variable.Key) ? "key cannot be empty."
        : variable.Key.Length > EnvironmentRules.MaxKeyLength ? $"key is longer than {EnvironmentRules.MaxKeyLength} characters."
        : variable.Key.Contains('=', StringComparison.Ordinal) ? "key cannot contain '='."
        : variable.Value is null ? "value is required."
        : HasControl(variable.Key) || HasControl(variable.Value) ? "cannot contain control characters other than tab and line breaks."
        : null;

    /// <summary>Keys and values together.</summary>
    public static int LengthOf(IEnumerable<EnvironmentVariable> variables) => variables.Sum(v => v.Key.Length + v.Value.Length);

    /// <summary>The engine's <c>KEY=VALUE</c> entries that fit, in order, up to the bounds.</summary>
    public static IReadOnlyList<EnvironmentVariable> Fit(IEnumerable<string>? entries)
    {
        var fit = new List<EnvironmentVariable>();
        var length = 0;
        foreach (var entry in entries ?? [])
        {
            var split = entry.IndexOf('=', StringComparison.Ordinal);
            var variable = split > 0 ? new EnvironmentVariable(entry[..split], entry[(split + 1)..]) : null;
            if (variable is null || Problem(variable) is not null)
                continue;
            length += variable.Key.Length + variable.Value.Length;
            if (fit.Count == MaxVariables || length > MaxLength)
                break;
            fit.Add(variable);
        }

        return fit;
    }

    private static bool HasControl(string text) => text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
}
