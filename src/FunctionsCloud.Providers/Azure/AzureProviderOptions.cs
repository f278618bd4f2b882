namespace FunctionsCloud.Providers.Azure;

/// <summary>Settings of the <c>azure</c> provider, bound from <c>FunctionsCloud:Providers:Azure</c>.</summary>
public sealed class AzureProviderOptions
{
    public const string SectionName = "FunctionsCloud:Providers:Azure";

    /// <summary>The managed identity's client id the Functions host is given for storage; the fallback for <see cref="ManagedIdentityClientId"/>.</summary>
    public const string StorageIdentityClientIdKey = "AzureWebJobsStorage:clientId";

    /// <summary>Azure Resource Manager. Default: the public cloud's <c>https://management.azure.com</c>. Tests point it at a fake.</summary>
    public Uri? ArmEndpoint { get; set; }

    /// <summary>The audience tokens are asked for. Default: the public cloud's <c>https://management.azure.com</c>.</summary>
    public string? ArmAudience { get; set; }

    /// <summary>Microsoft Entra ID. Default: <c>https://login.microsoftonline.com</c>. When set, instance discovery is off (a sovereign cloud or a fake).</summary>
    public Uri? AuthorityHost { get; set; }

    /// <summary>
    /// Whether users may link an account with <c>use_managed_identity=true</c>, which acts as this app's own identity on the
    /// subscription they name. Off by default: that identity is shared by every user of the deployment.
    /// </summary>
    public bool AllowManagedIdentity { get; set; }

    /// <summary>The client id of the app's user-assigned managed identity. Default: <c>AzureWebJobsStorage__clientId</c>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The marketplace image nodes boot. Default: Ubuntu 24.04 LTS.</summary>
    public AzureImageOptions Image { get; set; } = new();

    /// <summary>The Linux administrator the VM is made with; password sign-in is off.</summary>
    public string AdminUsername { get; set; } = "functionscloud";

    /// <summary>
    /// An OpenSSH public key (<c>ssh-rsa AAAA...</c>) for <see cref="AdminUsername"/>. Default: a key made at start-up whose
    /// private half is thrown away, so no one can sign in (the agent needs no inbound access).
    /// </summary>
    public string? SshPublicKey { get; set; }

    /// <summary>The OS disk's storage type.</summary>
    public string OsDiskType { get; set; } = "StandardSSD_LRS";

    /// <summary>Ports (e.g. <c>80</c>, <c>8000-8100</c>) the cluster's network security group opens to the internet for published container ports. Default: none.</summary>
    public IList<string> OpenInboundPorts { get; } = [];

    /// <summary>How many times the SDK retries a throttled (429) or failing (5xx) call, honouring Retry-After, with exponential backoff and jitter.</summary>
    public int RetryAttempts { get; set; } = 5;

    /// <summary>The first retry's delay; later ones grow exponentially up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the quick network operations (network security group, virtual network, public IP, NIC) are polled while a call waits for them.</summary>
    public TimeSpan NetworkPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
