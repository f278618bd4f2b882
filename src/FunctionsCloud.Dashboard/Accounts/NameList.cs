namespace FunctionsCloud.Dashboard.Accounts;

/// <summary>User names as people type them: separated by commas or spaces.</summary>
public static class NameList
{
    public static IReadOnlyList<string> Parse(string text) =>
        text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Format(IEnumerable<string> names) => string.Join(", ", names);
}
