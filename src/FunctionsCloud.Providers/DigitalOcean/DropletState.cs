using System.Globalization;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.DigitalOcean;

/// <summary>A droplet's status as a node's: new is still booting; active runs; off, archive or no droplet at all is gone.</summary>
internal static class DropletState
{
    public static NodeStatus Of(Guid nodeUuid, Droplet? droplet) => droplet?.Status switch
    {
        null => new NodeStatus(nodeUuid, NodeProvisioning.Gone),
        "active" => new NodeStatus(nodeUuid, NodeProvisioning.Running, ProviderId(droplet), PublicIpv4(droplet)),
        // A droplet that is off runs no agent, and an archived one is no machine any more.
        "off" or "archive" => new NodeStatus(nodeUuid, NodeProvisioning.Gone, ProviderId(droplet)),
        _ => new NodeStatus(nodeUuid, NodeProvisioning.Pending, ProviderId(droplet)),
    };

    public static string ProviderId(Droplet droplet) => droplet.Id.ToString(CultureInfo.InvariantCulture);

    public static string? PublicIpv4(Droplet droplet) =>
        droplet.Networks?.V4?.FirstOrDefault(address => address.Type == "public")?.IpAddress;
}
