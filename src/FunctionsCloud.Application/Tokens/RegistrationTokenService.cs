using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Domain.Catalog;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Tokens;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Tokens;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Tokens;

/// <summary>
/// Registration tokens for hosts brought by their owners (BYON): one-time by default, expiring, revocable,
/// stored hashed. Claiming one creates the node it registers.
/// </summary>
public sealed class RegistrationTokenService(
    IRegistrationTokenStore tokens, IOptions<FunctionsCloudOptions> options, TimeProvider clock)
{
    public const string Prefix = "fct_";
    public const string ByonTag = "byon=true";

    public IReadOnlySet<string> FilterableFields => tokens.QueryableFields;

    public static bool IsRegistrationToken(string? token) => token is not null && token.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task<RegistrationTokenResource> CreateAsync(Caller caller, CreateRegistrationTokenRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var validator = new Validator()
            .Range("uses", request.Uses ?? 1, 1, settings.ByonTokenMaxUses)
            .Range("expires_in", request.ExpiresIn ?? settings.ByonTokenLifetimeSeconds, 60, settings.ByonTokenMaxLifetimeSeconds)
            .Tags("tags", request.Tags?.Select(t => t.Name));
        validator.ThrowIfInvalid();

        var now = clock.GetUtcNow();
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new RegistrationToken
        {
            Uuid = Guid.NewGuid(),
            Namespace = caller.Namespace,
            SecretHash = ApiKeyHasher.Hash(secret),
            MaxUses = request.Uses ?? 1,
            ExpiresAt = now.AddSeconds(request.ExpiresIn ?? settings.ByonTokenLifetimeSeconds),
            CreatedDatetime = now,
            CreatedBy = caller.User,
            Tags = request.Tags?.Select(t => t.Name).Distinct().ToList() ?? [],
        };
        await tokens.CreateAsync(token, cancellationToken);
        var text = Format(token, secret);
        return RegistrationTokenResource.From(token, now, text, InstallCommand.For(settings.PublicUrl, text));
    }

    public async Task<(IReadOnlyList<RegistrationTokenResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var page = await tokens.ListAsync(caller.Namespace, request.ToQuery(), request.Offset, request.Limit, cancellationToken);
        var now = clock.GetUtcNow();
        return (page.Items.Select(t => RegistrationTokenResource.From(t, now)).ToList(), page.TotalCount);
    }

    public async Task<RegistrationTokenResource> GetAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        RegistrationTokenResource.From(await tokens.GetAsync(caller.Namespace, uuid, cancellationToken) ?? throw NotFound(uuid), clock.GetUtcNow());

    public async Task<RegistrationTokenResource> RevokeAsync(Caller caller, Guid uuid, CancellationToken cancellationToken)
    {
        var token = await tokens.UpdateAsync(caller.Namespace, uuid, t =>
        {
            if (t.Revoked)
                return false;
            t.Revoke();
            return true;
        }, cancellationToken) ?? throw NotFound(uuid);
        return RegistrationTokenResource.From(token, clock.GetUtcNow());
    }

    /// <summary>
    /// Spends one use of the token on the node it registers, and returns that node, not yet stored (the registrar
    /// stores it registered, in one write): provider "byon", tags byon=true plus the token's tags. A host with a key
    /// always makes the same node with the same token, so a retry finds its use spent on it and spends no other.
    /// Refusals say whether the token is invalid, expired, revoked or used up; nothing is spent then.
    /// </summary>
    public async Task<Node> ClaimAsync(string token, string? hostname, string? hostKeyHash, CancellationToken cancellationToken)
    {
        if (!TryParse(token, out var ns, out var uuid, out var secret))
            throw Invalid();
        var now = clock.GetUtcNow();
        var nodeUuid = hostKeyHash is null ? Guid.NewGuid() : HostKeys.ByonNode(uuid, hostKeyHash);
        var spent = await tokens.UpdateAsync(ns, uuid, t =>
        {
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(t.SecretHash), Encoding.ASCII.GetBytes(ApiKeyHasher.Hash(secret))))
                throw Invalid();
            try
            {
                return t.Spend(now, nodeUuid, keyed: hostKeyHash is not null);
            }
            catch (RegistrationTokenUnusableException e)
            {
                throw new AuthenticationFailedException(e.Message);
            }
        }, cancellationToken) ?? throw Invalid();

        return new Node
        {
            Uuid = nodeUuid,
            Namespace = ns,
            Provider = ByonCatalog.Provider,
            Region = ByonCatalog.Region,
            NodeType = ByonCatalog.NodeType,
            Nickname = hostname ?? "",
            Tags = spent.Tags.Prepend(ByonTag).Distinct(StringComparer.Ordinal).ToList(),
            CreatedDatetime = now,
        };
    }

    private static string Format(RegistrationToken token, string secret) =>
        $"{Prefix}{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token.Namespace))}.{token.Uuid:N}.{secret}";

    private static bool TryParse(string token, out string ns, out Guid uuid, out string secret)
    {
        (ns, uuid, secret) = ("", Guid.Empty, "");
        var parts = IsRegistrationToken(token) && token.Length < 512 ? token[Prefix.Length..].Split('.') : [];
        if (parts.Length != 3 || !Guid.TryParseExact(parts[1], "N", out uuid) || parts[2].Length == 0)
            return false;
        try
        {
            ns = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0]));
        }
        catch (FormatException)
        {
            return false;
        }

        secret = parts[2];
        return ns.Length > 0;
    }

    private static AuthenticationFailedException Invalid() => new("The registration token is not valid.");

    private static ResourceNotFoundException NotFound(Guid uuid) => new("registration token", uuid.ToString());
}
