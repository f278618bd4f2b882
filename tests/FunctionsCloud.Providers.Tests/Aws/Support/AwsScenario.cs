using FunctionsCloud.Providers.Aws;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Providers.Tests.Aws.Support;

/// <summary>The real provider and AWS SDK client pointed at a <see cref="FakeEc2"/>, with dummy credentials and no real waiting.</summary>
public sealed class AwsScenario : IDisposable
{
    public const string AccessKeyId = "AKIAFAKEKEYID0000001";
    public const string SecretAccessKey = "fake/Secret+AccessKey0000000000000000000";
    public const string ApiUrl = "https://cloud.example.test";
    public const string Region = "us-east-1";

    public AwsScenario(Action<AwsProviderOptions>? configure = null)
    {
        var options = new AwsProviderOptions { ServiceUrl = Ec2.Url, RetryAttempts = 4 };
        configure?.Invoke(options);
        Provider = new AwsNodeProvider(Options.Create(options), Logger, Clock);
    }

    public FakeEc2 Ec2 { get; } = new();

    public ImmediateTimeProvider Clock { get; } = new();

    public RecordingLogger<AwsNodeProvider> Logger { get; } = new();

    public AwsNodeProvider Provider { get; }

    public Guid ClusterUuid { get; } = Guid.NewGuid();

    public static ProviderAccount Account { get; } = new("aws", new Dictionary<string, string>
    {
        [AwsAccountFields.AccessKeyId] = AccessKeyId,
        [AwsAccountFields.SecretAccessKey] = SecretAccessKey,
    });

    /// <summary>Nodes with registration tokens shaped like the control plane's (fcr_ + base64url claims + "." + base64url HMAC).</summary>
    public static List<NodeToCreate> Nodes(int count) =>
        Enumerable.Range(0, count).Select(_ => Node(Guid.NewGuid())).ToList();

    public static NodeToCreate Node(Guid uuid) => new(uuid, new AgentBootstrap(ApiUrl, RegistrationToken(uuid)));

    public static string RegistrationToken(Guid uuid)
    {
        var claims = System.Text.Encoding.UTF8.GetBytes($"team-namespace\n{uuid:D}\n1\n{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}");
        var signature = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        return "fcr_" + System.Buffers.Text.Base64Url.EncodeToString(claims) + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }

    public NodeCreationRequest Request(IReadOnlyList<NodeToCreate> nodes, string? providerOptions = null, string nodeType = "t3.micro") =>
        new(ClusterUuid, "web", Region, nodeType, 40, providerOptions, nodes, Account);

    public void Dispose()
    {
        Provider.Dispose();
        Ec2.Dispose();
    }
}
