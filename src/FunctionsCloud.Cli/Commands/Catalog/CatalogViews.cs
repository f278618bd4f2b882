using FunctionsCloud.Cli.Output;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Catalog;

/// <summary>How the catalog's providers, regions and node types are listed; <c>-q</c> prints their names.</summary>
public static class CatalogViews
{
    public static readonly TableView<Provider> Providers = new(p => p.Name,
    [
        new("NAME", p => p.Name),
        new("LABEL", p => p.Label),
        new("AVAILABLE", p => Yes(p.Available)),
        new("REGIONS", p => Formats.Number(p.Regions.Count)),
        new("WHY NOT", p => p.UnavailableReason ?? ""),
    ]);

    public static readonly TableView<Region> Regions = new(r => r.Name,
    [
        new("NAME", r => r.Name),
        new("LABEL", r => r.Label),
        new("PROVIDER", r => Formats.LastSegment(r.Provider)),
        new("AVAILABLE", r => Yes(r.Available)),
    ]);

    public static readonly TableView<NodeType> NodeTypes = new(t => t.Name,
    [
        new("NAME", t => t.Name),
        new("LABEL", t => t.Label),
        new("PROVIDER", t => Formats.LastSegment(t.Provider)),
        new("CPU", t => Formats.Number(t.Cpu)),
        new("MEMORY (GB)", t => t.Memory.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)),
        new("AVAILABLE", t => Yes(t.Available)),
    ]);

    private static string Yes(bool value) => value ? "yes" : "no";
}
