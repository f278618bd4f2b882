namespace FunctionsCloud.Application.Stacks.Stackfiles;

/// <summary>Where in a stackfile a service's key stands, to name it in a 400 (lines and columns from 1).</summary>
public sealed record StackfilePlace(string Service, string Key, long Line, long Column)
{
    /// <summary>The problem's field: "web.image", or the service's name for the service as a whole.</summary>
    public string Field => Key.Length == 0 ? Service : $"{Service}.{Key}";

    public string Describe(string message) => $"line {Line}, column {Column}: {message}";
}
