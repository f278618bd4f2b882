using FunctionsCloud.Application.ApiKeys;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Storage.ApiKeys;
using FunctionsCloud.Storage.Users;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Authentication;

/// <summary>
/// Stores the configured first admin key (hashed, labelled "bootstrap") at start-up, so that a new deployment can be
/// called at all. A key already stored is left as it is: once revoked through the API it stays revoked, whatever
/// restarts with the setting still in place. A configured key not stored yet is a rotation: the bootstrap user's
/// earlier bootstrap keys are revoked first, and every instance refuses them within the revocation bound.
/// </summary>
public sealed class AdminKeyBootstrapper(
    IApiKeyStore keys, ApiKeyService keyService, IAccountStore accounts, IOptions<FunctionsCloudOptions> options, TimeProvider clock,
    ILogger<AdminKeyBootstrapper> logger)
    : IHostedService
{
    public const string Label = "bootstrap";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bootstrap = options.Value.Bootstrap;
        if (string.IsNullOrEmpty(bootstrap.ApiKey))
        {
            logger.LogWarning("No FunctionsCloud:Bootstrap:ApiKey is set; no admin API key was stored.");
            return;
        }

        await HoldNamespacesAsync(bootstrap, cancellationToken);
        var hash = ApiKeyHasher.Hash(bootstrap.ApiKey);
        var stored = await keys.FindAsync(bootstrap.User, hash, cancellationToken);
        if (stored is null)
        {
            await keyService.RevokeLabelledAsync(bootstrap.User, Label, cancellationToken);
            var added = await keys.AddAsync(new ApiKeyRecord
            {
                User = bootstrap.User,
                KeyHash = hash,
                Namespace = bootstrap.Namespace,
                Uuid = Guid.NewGuid(),
                Label = Label,
                Role = Role.Admin,
                IsInstallationAdmin = true,
                CreatedAt = clock.GetUtcNow(),
            }, cancellationToken: cancellationToken);
            // Another instance starting with another bootstrap key at the same time took the label: the settings disagree.
            if (added == KeyAddition.LabelTaken)
                logger.LogError("User {User} got another bootstrap API key from an instance starting at the same time; give every instance the same FunctionsCloud:Bootstrap:ApiKey.", bootstrap.User);
        }
        else if (stored.Uuid == Guid.Empty)
        {
            // Stored before keys had a uuid and a label: give it both, so that it can be listed and revoked.
            await keys.UpsertAsync(stored with { Uuid = Guid.NewGuid(), Label = Label }, cancellationToken);
        }

        if (stored?.Revoked == true)
            logger.LogWarning("The bootstrap API key of user {User} is revoked; remove FunctionsCloud:Bootstrap:ApiKey from the settings.", bootstrap.User);
        else
            logger.LogInformation("Admin API key of user {User} (namespace {Namespace}) is in place.", bootstrap.User, bootstrap.Namespace);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The bootstrap user is a user like the others (an administrator of the installation), and a bootstrap namespace
    /// other than their own name an organization of theirs: so nobody else can take either name. Kept as they are when
    /// there already, a removed bootstrap user included.
    /// </summary>
    private async Task HoldNamespacesAsync(BootstrapAdminOptions bootstrap, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await accounts.AddUserAsync(new UserAccount { Name = bootstrap.User, IsInstallationAdmin = true, CreatedAt = now }, cancellationToken);
        if (!string.Equals(bootstrap.Namespace, bootstrap.User, StringComparison.OrdinalIgnoreCase))
        {
            await accounts.AddOrganizationAsync(new Organization
            {
                Name = bootstrap.Namespace,
                CreatedAt = now,
                Teams = [new Team(Organization.OwnersTeam, Role.Admin, [bootstrap.User.ToLowerInvariant()])],
            }, cancellationToken);
        }
    }
}
