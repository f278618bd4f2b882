namespace FunctionsCloud.Domain.Catalog;

/// <summary>A machine size. <see cref="Regions"/> lists where it can be deployed.</summary>
public sealed record NodeType(string Provider, string Name, string Label, int Cpu, double MemoryGb, IReadOnlyList<string> Regions);
