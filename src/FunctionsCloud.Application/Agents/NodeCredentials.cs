using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Configuration;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Agents;

/// <summary>
/// Registration tokens and node secrets are signed, not stored: the signature proves which node a
/// credential belongs to, so the heartbeat path verifies it without reading storage.
/// </summary>
public sealed class NodeCredentials
{
    private const string TokenPrefix = "fcr_";
    private const string SecretPrefix = "fcn_";
    private const string LeasePrefix = "fcl_";
    private readonly byte[] _key;

    public NodeCredentials(IOptions<FunctionsCloudOptions> options)
    {
        // The same rule the options are validated with at start-up.
        if (!FunctionsCloudOptions.HasCredentialKey(options.Value))
            throw new InvalidOperationException("FunctionsCloud:NodeCredentialKey must be a random base64 key of 32 bytes or more.");
        _key = Convert.FromBase64String(options.Value.NodeCredentialKey);
    }

    public string IssueRegistrationToken(RegistrationClaim claim) =>
        Sign(TokenPrefix, $"{claim.Namespace}\n{claim.NodeUuid:D}\n{claim.CredentialVersion}\n{claim.ExpiresAt.ToUnixTimeSeconds()}");

    public bool TryReadRegistrationToken(string? token, out RegistrationClaim claim)
    {
        claim = default!;
        if (!TryVerify(TokenPrefix, token, out var fields) || fields.Length != 4
            || !Guid.TryParse(fields[1], out var uuid) || !int.TryParse(fields[2], out var version) || !long.TryParse(fields[3], out var expires))
            return false;
        claim = new RegistrationClaim(fields[0], uuid, version, DateTimeOffset.FromUnixTimeSeconds(expires));
        return true;
    }

    public string IssueNodeSecret(NodeIdentity node) => Sign(SecretPrefix, $"{node.Namespace}\n{node.NodeUuid:D}\n{node.SecretVersion}");

    /// <summary>Secrets issued before rotation existed carry no version: they are version 1.</summary>
    public bool TryReadNodeSecret(string? secret, out NodeIdentity node)
    {
        node = default!;
        if (!TryVerify(SecretPrefix, secret, out var fields) || fields.Length is not (2 or 3) || !Guid.TryParse(fields[1], out var uuid))
            return false;
        var version = 1;
        if (fields.Length == 3 && !int.TryParse(fields[2], out version))
            return false;
        node = new NodeIdentity(fields[0], uuid, version);
        return true;
    }

    /// <summary>The node whose secret the Authorization header (Bearer) carries; 401 without a valid one.</summary>
    public NodeIdentity AuthenticateNode(string? authorization)
    {
        const string scheme = "Bearer ";
        var secret = authorization is not null && authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? authorization[scheme.Length..].Trim() : null;
        return TryReadNodeSecret(secret, out var node) ? node : throw new AuthenticationFailedException("The node secret is missing or not valid.");
    }

    public string IssueLease(HeartbeatLease lease) =>
        Sign(LeasePrefix, $"{lease.NodeUuid:D}\n{lease.PointerVersion}\n{lease.DueTicks}\n{lease.SecretVersion}\n{lease.Generation}\n{lease.ContainersDigest}\n{lease.EngineUpgrade:D}");

    /// <summary>
    /// A lease that is not ours (forged, garbled, another key's) reads as none; one issued before leases carried a digest
    /// or an engine upgrade reads as one without.
    /// </summary>
    public bool TryReadLease(string? lease, out HeartbeatLease read)
    {
        read = default!;
        if (!TryVerify(LeasePrefix, lease, out var fields) || fields.Length is not (5 or 6 or 7) || !Guid.TryParse(fields[0], out var uuid)
            || !long.TryParse(fields[2], out var dueTicks) || !int.TryParse(fields[3], out var secretVersion) || !int.TryParse(fields[4], out var generation))
            return false;
        var digest = fields.Length >= 6 && fields[5].Length > 0 ? fields[5] : null;
        Guid? upgrade = fields.Length == 7 && Guid.TryParse(fields[6], out var action) ? action : null;
        read = new HeartbeatLease(uuid, fields[1], dueTicks, secretVersion, generation, digest, upgrade);
        return true;
    }

    private string Sign(string prefix, string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(prefix + payload);
        return prefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, bytes));
    }

    private bool TryVerify(string prefix, string? credential, out string[] fields)
    {
        fields = [];
        if (credential is null || credential.Length > 1024 || !credential.StartsWith(prefix, StringComparison.Ordinal))
            return false;
        var dot = credential.IndexOf('.', prefix.Length);
        if (dot < 0)
            return false;
        try
        {
            var payload = Base64Url.DecodeFromChars(credential.AsSpan(prefix.Length, dot - prefix.Length));
            var signature = Base64Url.DecodeFromChars(credential.AsSpan(dot + 1));
            var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(prefix + Encoding.UTF8.GetString(payload)));
            if (!CryptographicOperations.FixedTimeEquals(expected, signature))
                return false;
            fields = Encoding.UTF8.GetString(payload).Split('\n');
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>What a registration token says: which node it may register, until when.</summary>
public sealed record RegistrationClaim(string Namespace, Guid NodeUuid, int CredentialVersion, DateTimeOffset ExpiresAt);

/// <summary>The node a node secret belongs to, and which of its secrets it is (rotation moves the version on).</summary>
public sealed record NodeIdentity(string Namespace, Guid NodeUuid, int SecretVersion = 1);
