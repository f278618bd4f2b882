namespace FunctionsCloud.Domain.States;

/// <summary>A resource was asked to move to a state it cannot reach from where it is.</summary>
public sealed class IllegalTransitionException(string resource, string from, string to)
    : InvalidOperationException($"A {resource} in state '{from}' cannot become '{to}'.")
{
    public string Resource { get; } = resource;
    public string From { get; } = from;
    public string To { get; } = to;
}
