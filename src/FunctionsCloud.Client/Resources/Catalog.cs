namespace FunctionsCloud.Client.Resources;

/// <summary>A cloud provider of the catalog; <see cref="UnavailableReason"/> says why it cannot be deployed to.</summary>
public sealed record Provider(string Name, string Label, string ResourceUri, IReadOnlyList<string> Regions, bool Available, string? UnavailableReason);

public sealed record Region(string Name, string Label, string ResourceUri, string Provider, IReadOnlyList<string> NodeTypes, bool Available);

public sealed record NodeType(string Name, string Label, string ResourceUri, string Provider, IReadOnlyList<string> Regions, int Cpu, double Memory, bool Available);
