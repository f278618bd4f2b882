using System.Text.Json;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Catalog;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Storage.Accounts;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Accounts;

/// <summary>
/// Links a namespace's cloud accounts: credentials are checked with the provider, sealed by the credential
/// vault, and never returned or logged. Deployments read them back for the provider calls only.
/// </summary>
public sealed class ProviderAccountService(
    IProviderAccountStore accounts, ICredentialVault vault, NodeProviderRegistry providers, ProviderCatalog catalog, TimeProvider clock)
{
    private const int MaxFields = 16;
    private const int MaxValueLength = 8192;

    /// <summary>
    /// How long the provider may take to judge the credentials, its own retries included: the caller is waiting on the
    /// answer, and a provider that needs longer is better tried again later than held on to.
    /// </summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(6);

    public async Task<ProviderAccountResource> LinkAsync(Caller caller, string provider, JsonElement body, CancellationToken cancellationToken)
    {
        var implementation = RequireLinkable(provider);
        var credentials = ReadCredentials(body);
        await CheckAsync(implementation, new ProviderAccount(provider, credentials), cancellationToken);

        var previous = await accounts.GetAsync(caller.Namespace, provider, cancellationToken);
        var record = new ProviderAccountRecord
        {
            Namespace = caller.Namespace,
            Provider = provider,
            Sealed = await vault.SealAsync(caller.Namespace, provider, JsonSerializer.Serialize(credentials), cancellationToken),
            Fields = credentials.Keys.Order(StringComparer.Ordinal).ToList(),
            LinkedAt = clock.GetUtcNow(),
            LinkedBy = caller.User,
        };
        await accounts.UpsertAsync(record, cancellationToken);
        if (previous is not null && previous.Sealed != record.Sealed)
            await vault.ForgetAsync(caller.Namespace, provider, previous.Sealed, cancellationToken);
        return ToResource(record);
    }

    public async Task<ProviderAccountResource> GetAsync(Caller caller, string provider, CancellationToken cancellationToken)
    {
        RequireKnown(provider);
        return await accounts.GetAsync(caller.Namespace, provider, cancellationToken) is { } record
            ? ToResource(record)
            : ProviderAccountResource.Unlinked(provider);
    }

    public async Task<ProviderAccountResource> UnlinkAsync(Caller caller, string provider, CancellationToken cancellationToken)
    {
        RequireKnown(provider);
        var record = await accounts.GetAsync(caller.Namespace, provider, cancellationToken)
            ?? throw new ResourceNotFoundException("linked account of provider", provider);
        await accounts.DeleteAsync(caller.Namespace, provider, cancellationToken);
        await vault.ForgetAsync(caller.Namespace, provider, record.Sealed, cancellationToken);
        return ProviderAccountResource.Unlinked(provider);
    }

    /// <summary>The namespace's account for the provider, for its calls; null when none is linked.</summary>
    public async Task<ProviderAccount?> LoadAsync(string @namespace, string provider, CancellationToken cancellationToken)
    {
        if (await accounts.GetAsync(@namespace, provider, cancellationToken) is not { } record)
            return null;
        var json = await vault.OpenAsync(@namespace, provider, record.Sealed, cancellationToken);
        return new ProviderAccount(provider, JsonSerializer.Deserialize<Dictionary<string, string>>(json)!);
    }

    /// <summary>The provider's verdict on the credentials: a refusal is the caller's 400; no verdict in time is a 502.</summary>
    private static async Task CheckAsync(INodeProvider implementation, ProviderAccount account, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(CheckTimeout);
        try
        {
            await implementation.ValidateAccountAsync(account, deadline.Token);
        }
        catch (ProviderException e) when (!e.IsTransient)
        {
            throw new RequestValidationException("credentials", $"{account.Provider} refused them: {e.Message}");
        }
        catch (ProviderException e)
        {
            throw new ProviderUnreachableException(account.Provider, e.Message, e);
        }
        catch (HttpRequestException e)
        {
            throw new ProviderUnreachableException(account.Provider, $"its API could not be reached ({e.Message}).", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderUnreachableException(account.Provider, $"its API gave no answer within {CheckTimeout.TotalSeconds:0} s.", e);
        }
    }

    private INodeProvider RequireLinkable(string provider)
    {
        RequireKnown(provider);
        if (!providers.IsConfigured(provider))
            throw new RequestValidationException("provider", $"this deployment does not offer provider '{provider}'.");
        var implementation = providers.Get(provider);
        if (!implementation.NeedsAccount)
            throw new RequestValidationException("provider", $"provider '{provider}' needs no account.");
        return implementation;
    }

    private void RequireKnown(string provider)
    {
        if (catalog.FindProvider(provider) is null)
            throw new ResourceNotFoundException("provider", provider);
    }

    private static Dictionary<string, string> ReadCredentials(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw new RequestValidationException("body", "must be a JSON object of credential fields, e.g. {\"token\": \"...\"}.");
        var credentials = new Dictionary<string, string>(StringComparer.Ordinal);
        var validator = new Validator();
        foreach (var field in body.EnumerateObject())
        {
            if (field.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.True or JsonValueKind.False))
                validator.Add(field.Name, "must be a string.");
            else if (field.Value.ValueKind == JsonValueKind.String && field.Value.GetString()!.Length > MaxValueLength)
                validator.Add(field.Name, $"must be at most {MaxValueLength} characters.");
            else
                credentials[field.Name] = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText();
        }

        validator.Require(credentials.Count is > 0 and <= MaxFields, "body", $"must hold 1 to {MaxFields} credential fields.").ThrowIfInvalid();
        return credentials;
    }

    private static ProviderAccountResource ToResource(ProviderAccountRecord record) =>
        new(Uris.ProviderAccount(record.Provider), Uris.Provider(record.Provider), true, record.Fields, record.LinkedAt, record.LinkedBy);
}
