using FunctionsCloud.Domain.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FunctionsCloud.Application.Stacks.Stackfiles;

/// <summary>
/// Reads a stackfile in Docker Cloud's format (a YAML map of service name to service) into the service create bodies
/// it stands for. Every problem is a 400 naming the service, the key and its line and column; the values' own rules
/// (image references, ports, names) are checked later by the service rules, which name the place through
/// <see cref="StackfileService.Places"/>.
/// </summary>
public static class StackfileParser
{
    public const string Field = "stackfile";

    public static IReadOnlyList<StackfileService> Parse(string text)
    {
        var root = Load(text);
        var problems = new List<ValidationError>();
        var services = new List<StackfileService>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in root.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                problems.Add(new ValidationError(Field, At(key, "a service's name must be plain text.")));
                continue;
            }

            if (seen.TryGetValue(name, out var first))
            {
                problems.Add(new ValidationError(name, At(key, $"a second service named '{name}' (the first is at line {first.Start.Line}); names must differ.")));
                continue;
            }

            seen[name] = key;
            if (value is not YamlMappingNode mapping)
            {
                problems.Add(new ValidationError(name, At(value, "a service must be a map of keys (image, ports, links, ...).")));
                continue;
            }

            services.Add(new StackfileServiceReader(name, key, problems).Read(mapping));
        }

        if (problems.Count > 0)
            throw new RequestValidationException(problems);
        return services;
    }

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new RequestValidationException(Field, $"line {e.Start.Line}, column {e.Start.Column}: is not YAML: {Reason(reason)}");
        }

        return stream.Documents switch
        {
            [] => throw new RequestValidationException(Field, "is empty: it needs at least one service."),
            [{ RootNode: YamlMappingNode { Children.Count: > 0 } map }] => map,
            [{ RootNode: var other }] => throw new RequestValidationException(Field, At(other, "must be a map of service names to services.")),
            [_, { RootNode: var second }, ..] => throw new RequestValidationException(Field, At(second, "holds more than one YAML document; send one.")),
        };
    }

    /// <summary>YamlDotNet's messages start with the place, which the 400 says already.</summary>
    private static string Reason(string message)
    {
        var dash = message.IndexOf(" - ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && dash > 0 ? message[(dash + 3)..].Split("): ", 2)[^1] : message;
    }

    public static string At(YamlNode node, string message) => $"line {node.Start.Line}, column {node.Start.Column}: {message}";
}
