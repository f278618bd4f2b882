namespace FunctionsCloud.Providers.Tests.Aws.Support;

/// <summary>An instance the fake EC2 holds.</summary>
public sealed class FakeInstance(string id, string zone, int launchIndex, string? clientToken, string? subnetId)
{
    public string Id { get; } = id;
    public string Zone { get; } = zone;
    public int LaunchIndex { get; } = launchIndex;
    public string? ClientToken { get; } = clientToken;
    public string? SubnetId { get; } = subnetId;
    public string State { get; set; } = "pending";
    public string? PublicIp { get; set; }
    public string? StateReason { get; set; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
