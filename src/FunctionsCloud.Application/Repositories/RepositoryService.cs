using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FunctionsCloud.Application.Accounts;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Repositories;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Repositories;

namespace FunctionsCloud.Application.Repositories;

/// <summary>
/// A namespace's private repositories: the credentials its nodes pull those images with, sealed by the credential
/// vault like provider accounts, never returned or logged. Agents get them one image at a time
/// (<see cref="RegistryCredentialIssuer"/>).
/// </summary>
public sealed class RepositoryService(IRepositoryStore repositories, ICredentialVault vault, TimeProvider clock)
{
    public const int MaxUsernameLength = 256;
    public const int MaxPasswordLength = 4096;
    public const int MaxPerNamespace = 200;

    public static IReadOnlyDictionary<string, Func<RepositoryResource, string?>> FilterFields { get; } =
        new Dictionary<string, Func<RepositoryResource, string?>> { ["name"] = r => r.Name, ["registry"] = r => r.Registry };

    public async Task<RepositoryResource> RegisterAsync(Caller caller, RegisterRepositoryRequest request, CancellationToken cancellationToken)
    {
        var validator = new Validator();
        var repository = RegistryRepository.Parse(request.Name, out var problem);
        validator.Require(problem is null, "name", problem ?? "");
        CheckCredentials(validator, request.Username, request.Password).ThrowIfInvalid();
        if ((await repositories.ListAsync(caller.Namespace, cancellationToken)).Count >= MaxPerNamespace)
            throw new ResourceConflictException($"This namespace has {MaxPerNamespace} repositories registered, the most it may have; remove one first.");

        var now = clock.GetUtcNow();
        var record = new RepositoryRecord
        {
            Namespace = caller.Namespace,
            Canonical = repository!.Canonical,
            Username = request.Username!,
            Sealed = await SealAsync(caller.Namespace, repository.Canonical, request.Username!, request.Password!, cancellationToken),
            CreatedAt = now,
            CreatedBy = caller.User,
            UpdatedAt = now,
        };
        if (!await repositories.TryAddAsync(record, cancellationToken))
        {
            await vault.ForgetAsync(caller.Namespace, Purpose(record.Canonical), record.Sealed, cancellationToken);
            throw new ResourceConflictException($"The repository {repository.Name} is registered already; PATCH its resource_uri to change its credentials.");
        }
        return RepositoryResource.From(record);
    }

    public async Task<(IReadOnlyList<RepositoryResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var all = (await repositories.ListAsync(caller.Namespace, cancellationToken)).Select(RepositoryResource.From).OrderBy(r => r.Name, StringComparer.Ordinal);
        return InMemoryLists.Apply(all, request, FilterFields);
    }

    public async Task<RepositoryResource> GetAsync(Caller caller, string name, CancellationToken cancellationToken) =>
        RepositoryResource.From(await RequireAsync(caller, name, cancellationToken));

    public async Task<RepositoryResource> ChangeAsync(Caller caller, string name, ChangeRepositoryRequest request, CancellationToken cancellationToken)
    {
        var record = await RequireAsync(caller, name, cancellationToken);
        CheckCredentials(new Validator(), request.Username, request.Password).ThrowIfInvalid();
        var changed = record with
        {
            Username = request.Username!,
            Sealed = await SealAsync(caller.Namespace, record.Canonical, request.Username!, request.Password!, cancellationToken),
            UpdatedAt = clock.GetUtcNow(),
        };
        await repositories.ReplaceAsync(changed, cancellationToken);
        await vault.ForgetAsync(caller.Namespace, Purpose(record.Canonical), record.Sealed, cancellationToken);
        return RepositoryResource.From(changed);
    }

    public async Task<RepositoryResource> ForgetAsync(Caller caller, string name, CancellationToken cancellationToken)
    {
        var record = await RequireAsync(caller, name, cancellationToken);
        await repositories.DeleteAsync(caller.Namespace, record.Canonical, cancellationToken);
        await vault.ForgetAsync(caller.Namespace, Purpose(record.Canonical), record.Sealed, cancellationToken);
        return RepositoryResource.From(record);
    }

    /// <summary>The namespace's credentials for the repository of <paramref name="image"/>; null when none are registered.</summary>
    public async Task<RegistryCredential?> CredentialForAsync(string @namespace, string image, CancellationToken cancellationToken)
    {
        var repository = RegistryRepository.OfImage(image);
        if (await repositories.GetAsync(@namespace, repository.Canonical, cancellationToken) is not { } record)
            return null;
        var opened = JsonSerializer.Deserialize<SealedLogin>(await vault.OpenAsync(@namespace, Purpose(record.Canonical), record.Sealed, cancellationToken))!;
        return new RegistryCredential(opened.Username, opened.Password, repository.ServerAddress);
    }

    /// <summary>A name that no other repository spells differently finds nothing: 404, as for one never registered.</summary>
    private async Task<RepositoryRecord> RequireAsync(Caller caller, string name, CancellationToken cancellationToken)
    {
        var repository = RegistryRepository.Parse(name, out _);
        return (repository is null ? null : await repositories.GetAsync(caller.Namespace, repository.Canonical, cancellationToken))
            ?? throw new ResourceNotFoundException("repository", name);
    }

    private static Validator CheckCredentials(Validator validator, string? username, string? password) => validator
        .Require(!string.IsNullOrEmpty(username), "username", "is required: the registry user the nodes pull as.")
        .Text("username", username, MaxUsernameLength)
        .Require(!string.IsNullOrEmpty(password), "password", "is required: the password or access token of that user.")
        .Text("password", password, MaxPasswordLength);

    private Task<string> SealAsync(string @namespace, string canonical, string username, string password, CancellationToken cancellationToken) =>
        vault.SealAsync(@namespace, Purpose(canonical), JsonSerializer.Serialize(new SealedLogin(username, password)), cancellationToken);

    /// <summary>The vault's purpose for a repository: letters, digits and dashes, as Key Vault secret names allow.</summary>
    private static string Purpose(string canonical) =>
        "repo-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..24];

    private sealed record SealedLogin(string Username, string Password);
}
