namespace FunctionsCloud.Providers.DigitalOcean;

// DigitalOcean's v2 JSON, in snake_case on the wire (see DigitalOceanNodeProvider.Json). Only the fields we use.

internal sealed record Droplet(long Id, string Name, string Status, IReadOnlyList<string>? Tags, DropletNetworks? Networks);

internal sealed record DropletNetworks(IReadOnlyList<DropletAddress>? V4);

internal sealed record DropletAddress(string IpAddress, string Type);

/// <summary>A page of droplets: <c>links.pages.next</c> points at the next page, <c>meta.total</c> counts them all.</summary>
internal sealed record DropletPage(IReadOnlyList<Droplet> Droplets, PageLinks? Links, PageMeta? Meta);

internal sealed record PageLinks(PageUrls? Pages);

internal sealed record PageUrls(string? Next);

internal sealed record PageMeta(int Total);

internal sealed record DropletEnvelope(Droplet Droplet);

/// <summary>POST /v2/droplets with <c>names</c>: up to ten droplets that share everything else.</summary>
internal sealed record DropletBatch(
    IReadOnlyList<string> Names,
    string Region,
    string Size,
    string Image,
    IReadOnlyList<string> SshKeys,
    IReadOnlyList<string> Tags,
    string UserData);

internal sealed record CreatedDroplets(IReadOnlyList<Droplet> Droplets);

internal sealed record NewTag(string Name);

internal sealed record TagResources(IReadOnlyList<TaggedResource> Resources);

internal sealed record TaggedResource(string ResourceId, string ResourceType);
