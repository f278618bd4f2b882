using System.Globalization;

namespace FunctionsCloud.LoadTests.Support;

/// <summary>"--name value" pairs after the command, each bounded so that a run stays bounded in count and time.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args)
    {
        using var next = args.GetEnumerator();
        while (next.MoveNext())
        {
            var name = next.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !next.MoveNext())
                throw new ArgumentException($"Expected --name value pairs, got '{name}'.");
            _values[name[2..]] = next.Current;
        }
    }

    public int Int(string name, int fallback, int min, int max)
    {
        var value = _values.Remove(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return value >= min && value <= max ? value : throw new ArgumentException($"--{name} must be from {min} to {max}.");
    }

    public double? Double(string name, double min, double max)
    {
        if (!_values.Remove(name, out var text))
            return null;
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        return value >= min && value <= max ? value : throw new ArgumentException($"--{name} must be from {min} to {max}.");
    }

    public string Choice(string name, string fallback, params string[] allowed)
    {
        var value = _values.Remove(name, out var text) ? text : fallback;
        return allowed.Contains(value) ? value : throw new ArgumentException($"--{name} must be one of {string.Join(", ", allowed)}.");
    }

    /// <summary>Throws when an option was given that the command does not know.</summary>
    public void RequireAllUsed()
    {
        if (_values.Count > 0)
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", _values.Keys.Select(k => "--" + k))}.");
    }
}
