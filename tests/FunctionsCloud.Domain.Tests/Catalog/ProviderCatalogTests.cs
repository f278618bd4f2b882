using FunctionsCloud.Domain.Catalog;

namespace FunctionsCloud.Domain.Tests.Catalog;

public class ProviderCatalogTests
{
    private readonly ProviderCatalog _catalog = ProviderCatalog.Default;

    [Fact]
    public void Knows_the_providers_of_Docker_Cloud_the_local_one_and_hosts_of_ones_own()
    {
        Assert.Equal(["local", "aws", "azure", "digitalocean", "softlayer", "packet", "byon"], _catalog.Providers.Select(p => p.Name));
        Assert.False(_catalog.FindProvider("byon")!.Available);
    }

    [Fact]
    public void Packet_is_listed_but_unavailable_and_points_to_bring_your_own_node()
    {
        var packet = _catalog.FindProvider("packet")!;

        Assert.False(packet.Available);
        Assert.Contains("2026-06-30", packet.UnavailableReason);
        Assert.Contains("BYON", packet.UnavailableReason);
    }

    [Fact]
    public void Finds_regions_and_node_types_by_provider()
    {
        Assert.NotNull(_catalog.FindRegion("aws", "us-east-1"));
        Assert.Contains("us-east-1a", _catalog.FindRegion("aws", "us-east-1")!.AvailabilityZones);
        Assert.Null(_catalog.FindRegion("aws", "nyc1"));
        Assert.Null(_catalog.FindNodeType("digitalocean", "t3.micro"));
        Assert.Contains("nyc1", _catalog.FindNodeType("digitalocean", "s-1vcpu-1gb")!.Regions);
    }
}
