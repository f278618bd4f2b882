using System.Text.Json;
using System.Text.RegularExpressions;

namespace FunctionsCloud.Infrastructure.Tests;

/// <summary>
/// The ARM template that infra/main.bicep compiles to (main.json beside the tests, built by the project),
/// with every resource of every nested module deployment (inline templates) walked.
/// </summary>
public sealed partial class CompiledTemplate
{
    private static readonly Lazy<CompiledTemplate> Shared = new(() => Load(Path.Combine(AppContext.BaseDirectory, "main.json")));

    private CompiledTemplate(JsonElement root, string text)
    {
        Root = root;
        Text = text;
        var resources = new List<TemplateResource>();
        Walk(root, resources);
        Resources = resources;
    }

    public static CompiledTemplate Main => Shared.Value;

    public JsonElement Root { get; }
    /// <summary>The whole compiled template as text.</summary>
    public string Text { get; }
    public IReadOnlyList<TemplateResource> Resources { get; }

    public static CompiledTemplate Load(string path)
    {
        var text = File.ReadAllText(path);
        using var document = JsonDocument.Parse(text);
        return new CompiledTemplate(document.RootElement.Clone(), text);
    }

    public IEnumerable<TemplateResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public TemplateResource Single(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"Expected one {type}, found {matches.Count}.");
        return matches[0];
    }

    private static void Walk(JsonElement template, List<TemplateResource> into)
    {
        if (!template.TryGetProperty("resources", out var resources))
            return;
        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name.
        var items = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray().ToList()
            : resources.EnumerateObject().Select(p => p.Value).ToList();
        foreach (var resource in items)
        {
            into.Add(new TemplateResource(resource, template));
            if (resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments" &&
                resource.GetProperty("properties").TryGetProperty("template", out var nested))
                Walk(nested, into);
        }
    }
}

/// <summary>One resource and the (possibly nested) template that declares it.</summary>
public sealed partial record TemplateResource(JsonElement Element, JsonElement Template)
{
    public string Type => Element.GetProperty("type").GetString()!;
    public string Name => Element.GetProperty("name").GetString()!;
    public JsonElement Properties => Element.GetProperty("properties");

    /// <summary>The value at a dotted path under the resource ("properties.siteConfig.minTlsVersion").</summary>
    public JsonElement At(string path)
    {
        var current = Element;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out var next))
                throw new Xunit.Sdk.XunitException($"{Type} '{Name}' has no '{path}'.");
            current = next;
        }
        return current;
    }

    public string StringAt(string path) => At(path).GetString() ?? "";

    /// <summary>Replaces variables('x') by the string literal of variable x of the declaring template.</summary>
    public string ResolveVariables(string expression) =>
        VariableReference().Replace(expression, m =>
            Template.TryGetProperty("variables", out var variables) &&
            variables.TryGetProperty(m.Groups[1].Value, out var value) &&
            value.ValueKind == JsonValueKind.String
                ? $"'{value.GetString()}'"
                : m.Value);

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}
