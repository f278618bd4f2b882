using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Services;

/// <summary>The reuse_volumes query parameter of a redeploy, as Docker Cloud took it: true (the default) or false.</summary>
public static class ReuseVolumes
{
    public const string Parameter = "reuse_volumes";

    /// <exception cref="RequestValidationException">A value other than true or false, or the parameter given twice.</exception>
    public static bool From(IEnumerable<KeyValuePair<string, string>> query)
    {
        var values = query.Where(q => q.Key == Parameter).Select(q => q.Value).ToList();
        return values switch
        {
            [] => true,
            [var one] when bool.TryParse(one, out var reuse) => reuse,
            [_] => throw new RequestValidationException(Parameter, $"'{values[0]}' is neither true nor false."),
            _ => throw new RequestValidationException(Parameter, "is given more than once."),
        };
    }
}
