using FunctionsCloud.Providers.Azure;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Providers.Tests.Azure.Support;

/// <summary>The real provider (real ArmClient, real ClientSecretCredential) against a <see cref="FakeArm"/>, with retries made fast.</summary>
public sealed class AzureHarness : IDisposable
{
    public const string ClientId = "3c1f9a7e-2b4d-4e6f-8a9b-0c1d2e3f4a5b";
    public const string ClientSecret = "s3cr3t~Value.That-Must_Never.Leak";
    public const string Region = "eastus";
    public const string Size = "Standard_B2s";
    public const string ClusterName = "Web Prod";
    public const int DiskGb = 60;

    /// <summary>One key for every test: making a 3072-bit RSA key per provider would slow the suite for nothing.</summary>
    public static readonly string SshPublicKey = ThrowawaySshKey.Create();

    public AzureHarness(Action<AzureProviderOptions>? configure = null)
    {
        Options = new AzureProviderOptions
        {
            ArmEndpoint = Arm.Url,
            AuthorityHost = Arm.Url,
            RetryAttempts = 3,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(20),
            NetworkPollInterval = TimeSpan.FromMilliseconds(1),
            SshPublicKey = SshPublicKey,
        };
        configure?.Invoke(Options);
        Provider = new AzureNodeProvider(new AzureArmClients(Microsoft.Extensions.Options.Options.Create(Options), Arm.Transport), NullLogger<AzureNodeProvider>.Instance);
    }

    public FakeArm Arm { get; } = new();

    public AzureProviderOptions Options { get; }

    public AzureNodeProvider Provider { get; }

    public Guid ClusterUuid { get; } = Guid.NewGuid();

    public string ResourceGroup => AzureNames.ResourceGroup(ClusterName, ClusterUuid);

    public static ProviderAccount Account(string secret = ClientSecret) => new("azure", new Dictionary<string, string>
    {
        [AzureAccountFields.SubscriptionId] = FakeArm.SubscriptionId,
        [AzureAccountFields.TenantId] = FakeArm.TenantId,
        [AzureAccountFields.ClientId] = ClientId,
        [AzureAccountFields.ClientSecret] = secret,
    });

    public static NodeToCreate Node() => new(Guid.NewGuid(), new AgentBootstrap("https://fc.example.net", $"token-{Guid.NewGuid():N}"));

    public NodeCreationRequest CreationRequest(params NodeToCreate[] nodes) =>
        new(ClusterUuid, ClusterName, Region, Size, DiskGb, null, nodes, Account());

    public Task<IReadOnlyList<NodeCreationResult>> CreateAsync(params NodeToCreate[] nodes) =>
        Provider.CreateNodesAsync(CreationRequest(nodes), CancellationToken.None);

    public Task<IReadOnlyList<NodeStatus>> DescribeAsync(params ProvisionedNode[] nodes) =>
        Provider.DescribeNodesAsync(new NodeDescriptionRequest(ClusterUuid, Region, nodes, Account()), CancellationToken.None);

    public Task<IReadOnlyList<NodeTerminationResult>> TerminateAsync(params ProvisionedNode[] nodes) =>
        Provider.TerminateNodesAsync(new NodeTerminationRequest(ClusterUuid, Region, nodes, Account()), CancellationToken.None);

    public string VmPath(Guid node) => FakeArm.VmPath(ResourceGroup, node);

    public string PublicIpPath(Guid node) => FakeArm.NetworkPath(ResourceGroup, "publicIPAddresses", $"pip-{node:D}");

    public string NicPath(Guid node) => FakeArm.NetworkPath(ResourceGroup, "networkInterfaces", $"nic-{node:D}");

    public string VnetPath => FakeArm.NetworkPath(ResourceGroup, "virtualNetworks", AzureNames.VirtualNetwork);

    public string NsgPath => FakeArm.NetworkPath(ResourceGroup, "networkSecurityGroups", AzureNames.NetworkSecurityGroup);

    public IReadOnlyList<ArmRequest> Sent(string method, string path) =>
        Arm.Requests.Where(r => r.Method == method && string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase)).ToList();

    public void Dispose() => Arm.Dispose();
}
