namespace FunctionsCloud.Domain.Catalog;

/// <summary>A place nodes come from. <see cref="UnavailableReason"/> is set when nobody can deploy there at all.</summary>
public sealed record CloudProvider(string Name, string Label, IReadOnlyList<Region> Regions, string? UnavailableReason = null)
{
    public bool Available => UnavailableReason is null;
}
