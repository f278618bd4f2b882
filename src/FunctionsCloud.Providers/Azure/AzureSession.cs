using Azure.ResourceManager;
using Azure.ResourceManager.Resources;

namespace FunctionsCloud.Providers.Azure;

/// <summary>An account's ARM client and the subscription it works in.</summary>
public sealed record AzureSession(ArmClient Arm, string SubscriptionId)
{
    public SubscriptionResource Subscription => Arm.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(SubscriptionId));
}
