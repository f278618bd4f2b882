namespace FunctionsCloud.Domain.Catalog;

public sealed record Region(string Provider, string Name, string Label, IReadOnlyList<string> NodeTypes, IReadOnlyList<string> AvailabilityZones);
