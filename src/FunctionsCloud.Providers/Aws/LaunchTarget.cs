using FunctionsCloud.Domain.Catalog;

namespace FunctionsCloud.Providers.Aws;

/// <summary>
/// Where one group of nodes is launched: a subnet of the cluster's VPC (its zone is the subnet's), or else an
/// availability zone of the region from the catalog. With neither, EC2 picks the zone.
/// </summary>
internal sealed record LaunchTarget(string? AvailabilityZone, string? SubnetId)
{
    /// <summary>Names the target inside idempotency tokens.</summary>
    public string Key => SubnetId ?? AvailabilityZone ?? "any-zone";

    public override string ToString() => SubnetId is null ? AvailabilityZone ?? "any zone" : $"subnet {SubnetId}";

    /// <summary>The cluster's subnets when it names some, else the catalog's zones of the region, in a fixed order.</summary>
    public static IReadOnlyList<LaunchTarget> For(string region, AwsClusterOptions options)
    {
        if (options.Subnets.Count > 0)
        {
            return options.Subnets.Select(subnet => new LaunchTarget(null, subnet)).ToList();
        }

        var zones = ProviderCatalog.Default.FindRegion(AwsNodeProvider.ProviderName, region)?.AvailabilityZones ?? [];
        return zones.Count > 0 ? zones.Select(zone => new LaunchTarget(zone, null)).ToList() : [new LaunchTarget(null, null)];
    }
}
