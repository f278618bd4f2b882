using FunctionsCloud.Providers.Http;

namespace FunctionsCloud.Providers.Tests.DigitalOcean;

/// <summary>Machine names derived from node ids, shared by the DigitalOcean and SoftLayer providers.</summary>
public sealed class NodeHostnameTests
{
    private static readonly Guid Node = Guid.Parse("0123abcd-4567-89ef-0123-456789abcdef");

    [Theory]
    [InlineData("web", "fc-web-0123abcd4567")]
    [InlineData("Web Tier_2!", "fc-web-tier-2-0123abcd4567")]
    [InlineData("--", "fc-node-0123abcd4567")]
    [InlineData("ünïcode", "fc-n-code-0123abcd4567")]
    public void Is_the_cluster_name_made_a_hostname_label_and_the_nodes_first_twelve_digits(string cluster, string expected) =>
        Assert.Equal(expected, NodeHostname.For(cluster, Node));

    [Fact]
    public void Fits_a_hostname_label_however_long_the_cluster_name()
    {
        var name = NodeHostname.For(new string('a', 200), Node);

        Assert.Equal(63, name.Length);
        Assert.Matches("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", name);
        Assert.EndsWith("-0123abcd4567", name, StringComparison.Ordinal);
    }
}
