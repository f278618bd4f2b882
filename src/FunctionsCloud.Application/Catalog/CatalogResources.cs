namespace FunctionsCloud.Application.Catalog;

public sealed record ProviderResource(string Name, string Label, string ResourceUri, IReadOnlyList<string> Regions, bool Available, string? UnavailableReason);

public sealed record RegionResource(string Name, string Label, string ResourceUri, string Provider, IReadOnlyList<string> NodeTypes, IReadOnlyList<string> AvailabilityZones, bool Available);

public sealed record NodeTypeResource(string Name, string Label, string ResourceUri, string Provider, IReadOnlyList<string> Regions, IReadOnlyList<string> AvailabilityZones, int Cpu, double Memory, bool Available);

/// <summary>An availability zone of a region (Docker Cloud's az): where the provider's catalog names them.</summary>
public sealed record AvailabilityZoneResource(string Name, string ResourceUri, string Region, string Provider, bool Available);
