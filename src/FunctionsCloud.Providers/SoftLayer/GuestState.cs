using System.Globalization;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.SoftLayer;

/// <summary>A guest's state as a node's: provisioned (provisionDate set, no active transaction) runs; anything before is pending; none is gone.</summary>
internal static class GuestState
{
    public static NodeStatus Of(Guid nodeUuid, VirtualGuest? guest) => guest switch
    {
        null => new NodeStatus(nodeUuid, NodeProvisioning.Gone),
        { ActiveTransaction: null, ProvisionDate: { Length: > 0 } } => new NodeStatus(nodeUuid, NodeProvisioning.Running, ProviderId(guest), guest.PrimaryIpAddress),
        _ => new NodeStatus(nodeUuid, NodeProvisioning.Pending, ProviderId(guest)),
    };

    public static string ProviderId(VirtualGuest guest) => guest.Id.ToString(CultureInfo.InvariantCulture);
}
