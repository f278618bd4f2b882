using Microsoft.AspNetCore.WebUtilities;

namespace FunctionsCloud.Providers.Tests.Aws.Support;

/// <summary>One EC2 Query API call as the SDK sent it: the form-encoded body, decoded.</summary>
public sealed record Ec2Request(IReadOnlyDictionary<string, string> Form)
{
    public string Action => Form["Action"];

    public string? this[string key] => Form.GetValueOrDefault(key);

    public static Ec2Request Parse(string? body) =>
        new(QueryHelpers.ParseQuery(body ?? string.Empty).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal));

    /// <summary>The values of a numbered list, e.g. <c>InstanceId.1</c>, <c>InstanceId.2</c>, in order.</summary>
    public IReadOnlyList<string> List(string prefix)
    {
        var values = new List<string>();
        for (var i = 1; Form.TryGetValue($"{prefix}.{i}", out var value); i++)
        {
            values.Add(value);
        }

        return values;
    }

    /// <summary>Tag key → value from <c>{prefix}.Tag.N.Key/Value</c> (or <c>Tag.N</c> when prefix is empty).</summary>
    public IReadOnlyDictionary<string, string> Tags(string prefix = "")
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; Form.TryGetValue($"{prefix}Tag.{i}.Key", out var key); i++)
        {
            tags[key] = Form.GetValueOrDefault($"{prefix}Tag.{i}.Value") ?? string.Empty;
        }

        return tags;
    }

    /// <summary>Filter name → values from <c>Filter.N.Name</c> / <c>Filter.N.Value.M</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters()
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 1; Form.TryGetValue($"Filter.{i}.Name", out var name); i++)
        {
            filters[name] = List($"Filter.{i}.Value");
        }

        return filters;
    }
}
