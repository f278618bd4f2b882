namespace FunctionsCloud.Application.Api;

/// <summary>Tags travel as <c>[{"name": "web"}]</c>.</summary>
public sealed record TagResource(string Name)
{
    public static IReadOnlyList<TagResource> From(IEnumerable<string> tags) => tags.Select(t => new TagResource(t)).ToList();
}
