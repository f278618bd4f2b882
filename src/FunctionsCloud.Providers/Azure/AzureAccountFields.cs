namespace FunctionsCloud.Providers.Azure;

/// <summary>The fields of a linked Azure account: a subscription and either a service principal or the app's managed identity.</summary>
public static class AzureAccountFields
{
    public const string SubscriptionId = "subscription_id";
    public const string TenantId = "tenant_id";
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
    public const string UseManagedIdentity = "use_managed_identity";
}
