using System.Collections.Concurrent;
using Amazon;
using Amazon.EC2;

namespace FunctionsCloud.Providers.Aws;

/// <summary>One EC2 client per (access key, region), reused across calls: clients are thread-safe and costly to build.</summary>
internal sealed class Ec2ClientCache(AwsProviderOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<(string Credentials, string Region), Lazy<AmazonEC2Client>> _clients = new();

    public IAmazonEC2 For(AwsCredentials credentials, string region) =>
        _clients.GetOrAdd((credentials.CacheKey, region), _ => new Lazy<AmazonEC2Client>(() => Create(credentials, region))).Value;

    private AmazonEC2Client Create(AwsCredentials credentials, string region) =>
        new(credentials.ToSdkCredentials(), Config(region));

    private AmazonEC2Config Config(string region)
    {
        // Retries are ours (Ec2RetryPolicy): with the SDK's on top, one throttled call would wait twice over.
        var config = new AmazonEC2Config { MaxErrorRetry = 0 };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = region;
        }

        return config;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }

        _clients.Clear();
    }
}
