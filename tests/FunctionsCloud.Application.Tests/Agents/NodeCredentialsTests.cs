using System.Security.Cryptography;
using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Configuration;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Tests.Agents;

public class NodeCredentialsTests
{
    private readonly NodeCredentials _credentials = New();

    [Fact]
    public void A_node_secret_names_its_node_and_namespace()
    {
        var node = new NodeIdentity("acme", Guid.NewGuid());

        Assert.True(_credentials.TryReadNodeSecret(_credentials.IssueNodeSecret(node), out var read));
        Assert.Equal(node, read);
    }

    [Fact]
    public void A_tampered_secret_is_refused()
    {
        var secret = _credentials.IssueNodeSecret(new NodeIdentity("acme", Guid.NewGuid()));
        var other = _credentials.IssueNodeSecret(new NodeIdentity("evil", Guid.NewGuid()));
        var forged = other[..other.IndexOf('.')] + secret[secret.IndexOf('.')..];

        Assert.False(_credentials.TryReadNodeSecret(forged, out _));
        Assert.False(_credentials.TryReadNodeSecret(secret[..^2], out _));
        Assert.False(_credentials.TryReadNodeSecret("fcn_garbage", out _));
        Assert.False(_credentials.TryReadNodeSecret(null, out _));
    }

    [Fact]
    public void A_secret_signed_with_another_key_is_refused()
    {
        var secret = New().IssueNodeSecret(new NodeIdentity("acme", Guid.NewGuid()));

        Assert.False(_credentials.TryReadNodeSecret(secret, out _));
    }

    [Fact]
    public void Registration_tokens_and_node_secrets_are_not_interchangeable()
    {
        var claim = new RegistrationClaim("acme", Guid.NewGuid(), 1, DateTimeOffset.UtcNow.AddHours(1));
        var token = _credentials.IssueRegistrationToken(claim);

        Assert.True(_credentials.TryReadRegistrationToken(token, out var read));
        Assert.Equal(claim.NodeUuid, read.NodeUuid);
        Assert.Equal(claim.ExpiresAt.ToUnixTimeSeconds(), read.ExpiresAt.ToUnixTimeSeconds());
        Assert.False(_credentials.TryReadNodeSecret(token, out _));
        Assert.False(_credentials.TryReadRegistrationToken(_credentials.IssueNodeSecret(new NodeIdentity("acme", claim.NodeUuid)), out _));
    }

    [Fact]
    public void A_node_secret_carries_its_version_and_one_without_is_version_1()
    {
        var node = new NodeIdentity("acme", Guid.NewGuid(), SecretVersion: 3);

        Assert.True(_credentials.TryReadNodeSecret(_credentials.IssueNodeSecret(node), out var read));
        Assert.Equal(3, read.SecretVersion);
        Assert.NotEqual(_credentials.IssueNodeSecret(node), _credentials.IssueNodeSecret(node with { SecretVersion = 4 }));
    }

    [Fact]
    public void A_lease_reads_back_as_issued_and_a_tampered_or_foreign_one_reads_as_none()
    {
        var lease = new HeartbeatLease(Guid.NewGuid(), "W/\"datetime'2025-03-04T05%3A06%3A07.1234567Z'\"", 638_765_432_100_000_000, 2, 7);
        var issued = _credentials.IssueLease(lease);

        Assert.True(_credentials.TryReadLease(issued, out var read));
        Assert.Equal(lease, read);
        Assert.False(_credentials.TryReadLease(issued[..^3] + "AAA", out _));
        Assert.False(_credentials.TryReadLease(New().IssueLease(lease), out _));
        Assert.False(_credentials.TryReadLease(_credentials.IssueNodeSecret(new NodeIdentity("acme", lease.NodeUuid)), out _));
        Assert.False(_credentials.TryReadLease(null, out _));
    }

    [Fact]
    public void A_lease_carries_the_digest_of_the_last_container_report()
    {
        var lease = new HeartbeatLease(Guid.NewGuid(), "W/\"etag\"", 1, 1, 4, "q0HTGfLW2xNKJAH3hmn2gQ");

        Assert.True(_credentials.TryReadLease(_credentials.IssueLease(lease), out var read));
        Assert.Equal(lease, read);
        Assert.True(_credentials.TryReadLease(_credentials.IssueLease(lease with { ContainersDigest = null }), out read));
        Assert.Null(read.ContainersDigest);
    }

    [Fact]
    public void A_node_authenticates_with_its_secret_as_a_bearer_token_only()
    {
        var node = new NodeIdentity("acme", Guid.NewGuid());
        var secret = _credentials.IssueNodeSecret(node);

        Assert.Equal(node, _credentials.AuthenticateNode($"Bearer {secret}"));
        Assert.Throws<AuthenticationFailedException>(() => _credentials.AuthenticateNode(secret));
        Assert.Throws<AuthenticationFailedException>(() => _credentials.AuthenticateNode("Bearer fcn_forged.secret"));
        Assert.Throws<AuthenticationFailedException>(() => _credentials.AuthenticateNode(null));
    }

    [Fact]
    public void A_missing_or_short_key_stops_start_up_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new NodeCredentials(Options.Create(new FunctionsCloudOptions())));
        Assert.Contains("NodeCredentialKey", error.Message);
        Assert.Throws<InvalidOperationException>(() => new NodeCredentials(Options.Create(new FunctionsCloudOptions { NodeCredentialKey = Convert.ToBase64String(new byte[8]) })));
    }

    private static NodeCredentials New() => new(Options.Create(new FunctionsCloudOptions
    {
        NodeCredentialKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    }));
}
