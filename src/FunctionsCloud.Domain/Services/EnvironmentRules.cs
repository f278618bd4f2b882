using System.Text.RegularExpressions;

namespace FunctionsCloud.Domain.Services;

/// <summary>
/// What container_envvars may hold: keys that are portable shell variable names (letters, digits and '_', not
/// starting with a digit), each once. Values may be anything, empty included.
/// </summary>
public static partial class EnvironmentRules
{
    public const int MaxKeyLength = 255;

    /// <summary>Keys and values together, so that a service's variables and its link variables fit one stored row.</summary>
    public const int MaxTotalLength = 16 * 1024;

    /// <summary>Every problem of the list; empty when the list is acceptable.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<EnvironmentVariable> variables)
    {
        var problems = variables.Select(v => KeyProblem(v.Key)).OfType<string>().ToList();
        problems.AddRange(variables.GroupBy(v => v.Key, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"key '{g.Key}' is given {g.Count()} times."));
        if (variables.Sum(v => v.Key.Length + v.Value.Length) > MaxTotalLength)
            problems.Add($"keys and values together are longer than {MaxTotalLength} characters.");
        return problems;
    }

    private static string? KeyProblem(string key) =>
        key.Length == 0 ? "keys cannot be empty."
        : key.Length > MaxKeyLength ? $"key '{key[..16]}...' is longer than {MaxKeyLength} characters."
        : !Key().IsMatch(key) ? $"key '{key}' may contain only letters, digits and '_', and cannot start with a digit."
        : null;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*\\z")]
    private static partial Regex Key();
}
