using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Storage.ApiKeys;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Authentication;

/// <summary>Stores the configured first admin key (hashed) at start-up, so that a new deployment can be called at all.</summary>
public sealed class AdminKeyBootstrapper(IApiKeyStore keys, IOptions<FunctionsCloudOptions> options, TimeProvider clock, ILogger<AdminKeyBootstrapper> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bootstrap = options.Value.Bootstrap;
        if (string.IsNullOrEmpty(bootstrap.ApiKey))
        {
            logger.LogWarning("No FunctionsCloud:Bootstrap:ApiKey is set; no admin API key was stored.");
            return;
        }

        await keys.UpsertAsync(new ApiKeyRecord
        {
            User = bootstrap.User,
            KeyHash = ApiKeyHasher.Hash(bootstrap.ApiKey),
            Namespace = bootstrap.Namespace,
            IsAdmin = true,
            CreatedAt = clock.GetUtcNow(),
        }, cancellationToken);
        logger.LogInformation("Admin API key of user {User} (namespace {Namespace}) is in place.", bootstrap.User, bootstrap.Namespace);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
