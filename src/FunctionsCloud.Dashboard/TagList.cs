using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Dashboard;

/// <summary>Tags as people type them: separated by commas or spaces.</summary>
public static class TagList
{
    public static IReadOnlyList<Tag> Parse(string text) =>
        text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => new Tag(t)).ToList();

    public static string Format(IEnumerable<Tag> tags) => string.Join(", ", tags.Select(t => t.Name));
}
