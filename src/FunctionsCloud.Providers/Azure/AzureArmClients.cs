using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// Makes the <see cref="ArmClient"/> of a linked account, with the SDK's retry set to back off exponentially (with jitter,
/// honouring Retry-After) on 429 and 5xx. Clients are kept per account, so each keeps its token cache and the provider
/// does not ask Entra ID for a token on every activity.
/// </summary>
public sealed class AzureArmClients
{
    private const int MaxCachedClients = 256;
    private static readonly Uri PublicCloud = new("https://management.azure.com");

    private readonly AzureProviderOptions _options;
    private readonly HttpPipelineTransport? _transport;
    private readonly ConcurrentDictionary<string, AzureSession> _sessions = new(StringComparer.Ordinal);

    /// <param name="transport">The HTTP transport of both ARM and Entra ID calls; tests pass one that trusts their loopback certificate.</param>
    public AzureArmClients(IOptions<AzureProviderOptions> options, HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _transport = transport;
    }

    public AzureProviderOptions Options => _options;

    public AzureSession Connect(ProviderAccount? account)
    {
        var credentials = AzureCredentials.From(account, _options, _transport);
        if (_sessions.TryGetValue(credentials.CacheKey, out var session))
        {
            return session;
        }

        if (_sessions.Count >= MaxCachedClients)
        {
            _sessions.Clear(); // accounts are few; this only bounds memory
        }

        return _sessions.GetOrAdd(credentials.CacheKey, _ => new AzureSession(NewClient(credentials.Credential), credentials.SubscriptionId));
    }

    private ArmClient NewClient(TokenCredential credential)
    {
        var clientOptions = new ArmClientOptions();
        if (_options.ArmEndpoint is not null || _options.ArmAudience is not null)
        {
            clientOptions.Environment = new ArmEnvironment(_options.ArmEndpoint ?? PublicCloud, _options.ArmAudience ?? PublicCloud.ToString().TrimEnd('/'));
        }

        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = _options.RetryAttempts;
        clientOptions.Retry.Delay = _options.RetryDelay;
        clientOptions.Retry.MaxDelay = _options.RetryMaxDelay;
        if (_transport is not null)
        {
            clientOptions.Transport = _transport;
        }

        AzureApiVersions.Apply(clientOptions);
        return new ArmClient(credential, defaultSubscriptionId: null, clientOptions);
    }
}
