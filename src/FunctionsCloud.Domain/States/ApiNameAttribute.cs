namespace FunctionsCloud.Domain.States;

/// <summary>The name a state or enum value has on the wire (Docker Cloud's spelling, e.g. "Partly deployed").</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ApiNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
