namespace FunctionsCloud.Domain.Links;

/// <summary>A port of a linked container: the port inside it, and the port its linkers connect to.</summary>
public sealed record LinkedPort(string Protocol, int InnerPort, int ReachablePort);
