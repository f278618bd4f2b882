using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using FunctionsCloud.Application.Accounts;
using FunctionsCloud.Providers.Tests.Azure.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace FunctionsCloud.Application.Tests.Accounts;

/// <summary>
/// The Key Vault vault with the real SecretClient against a loopback stand-in of Key Vault's REST API (TLS,
/// the bearer challenge, secrets by name, soft delete): credentials go to Key Vault, the table keeps only the name.
/// </summary>
public sealed class KeyVaultCredentialVaultTests : IDisposable
{
    private readonly ConcurrentDictionary<string, string> _secrets = new();
    /// <summary>Soft-deleted secrets: their names stay taken for the vault's retention period.</summary>
    private readonly ConcurrentDictionary<string, string> _deleted = new();
    private readonly ConcurrentBag<string> _unauthenticated = [];
    private readonly WireMockServer _server;
    private readonly KeyVaultCredentialVault _vault;

    public KeyVaultCredentialVaultTests()
    {
        var certificate = LoopbackCertificate.Create();
        var port = FreePort();
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"https://127.0.0.1:{port}"],
            UseSSL = true,
            CertificateSettings = new WireMockCertificateSettings { X509Certificate = certificate },
        });
        _server.Given(WireMock.RequestBuilders.Request.Create().UsingAnyMethod()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(Handle));
        var thumbprint = certificate.Thumbprint;
        var client = new SecretClient(new Uri($"https://127.0.0.1:{port}/"), new StaticToken(), new SecretClientOptions
        {
            DisableChallengeResourceVerification = true,
            Transport = new HttpClientTransport(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && cert.Thumbprint == thumbprint,
            }),
            Retry = { MaxRetries = 0 },
        });
        _vault = new KeyVaultCredentialVault(client);
    }

    [Fact]
    public async Task Credentials_live_in_Key_Vault_under_a_name_that_hides_the_namespace()
    {
        var sealedName = await _vault.SealAsync("acme corp", "aws", """{"secret_access_key":"s3cr3t"}""", CancellationToken.None);

        Assert.StartsWith(KeyVaultCredentialVault.SecretNamePrefix("acme corp", "aws") + "-", sealedName);
        Assert.Matches("^account-[0-9a-f]{32}-aws-[0-9a-f]{16}$", sealedName);
        Assert.DoesNotContain("acme", sealedName);
        Assert.Equal("""{"secret_access_key":"s3cr3t"}""", _secrets[sealedName]);
        Assert.Equal("""{"secret_access_key":"s3cr3t"}""", await _vault.OpenAsync("acme corp", "aws", sealedName, CancellationToken.None));
        Assert.NotEmpty(_unauthenticated); // the client met the bearer challenge before it sent the token
    }

    [Fact]
    public async Task A_name_from_another_namespaces_row_is_not_opened()
    {
        var theirs = await _vault.SealAsync("other", "aws", "{}", CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _vault.OpenAsync("acme", "aws", theirs, CancellationToken.None));
    }

    [Fact]
    public async Task Forgetting_deletes_the_secret_and_a_missing_one_is_fine()
    {
        var name = await _vault.SealAsync("acme", "digitalocean", """{"token":"t"}""", CancellationToken.None);

        await _vault.ForgetAsync("acme", "digitalocean", name, CancellationToken.None);
        await _vault.ForgetAsync("acme", "digitalocean", name, CancellationToken.None);

        Assert.False(_secrets.ContainsKey(name));
    }

    [Fact]
    public async Task Linking_again_within_the_soft_delete_retention_stores_the_new_credentials()
    {
        var first = await _vault.SealAsync("acme", "aws", """{"key":"old"}""", CancellationToken.None);
        await _vault.ForgetAsync("acme", "aws", first, CancellationToken.None);

        var second = await _vault.SealAsync("acme", "aws", """{"key":"new"}""", CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.True(_deleted.ContainsKey(first), "The unlinked secret stays soft-deleted, as in Key Vault.");
        Assert.Equal("""{"key":"new"}""", await _vault.OpenAsync("acme", "aws", second, CancellationToken.None));
    }

    [Fact]
    public async Task Each_link_has_its_own_secret_so_deleting_the_replaced_one_leaves_the_new_one()
    {
        var first = await _vault.SealAsync("acme", "aws", """{"key":"one"}""", CancellationToken.None);
        var second = await _vault.SealAsync("acme", "aws", """{"key":"two"}""", CancellationToken.None);

        await _vault.ForgetAsync("acme", "aws", first, CancellationToken.None);

        Assert.Equal("""{"key":"two"}""", await _vault.OpenAsync("acme", "aws", second, CancellationToken.None));
    }

    [Fact]
    public async Task A_secret_named_before_names_were_made_per_link_still_opens()
    {
        var earlier = KeyVaultCredentialVault.SecretNamePrefix("acme", "aws");
        _secrets[earlier] = """{"key":"k"}""";

        Assert.Equal("""{"key":"k"}""", await _vault.OpenAsync("acme", "aws", earlier, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _vault.OpenAsync("acme", "aws", earlier + "-x", CancellationToken.None));
    }

    /// <summary>Key Vault's secrets API, as far as the vault uses it, with soft delete on (as every vault has).</summary>
    private ResponseMessage Handle(IRequestMessage request)
    {
        if (!request.Headers!.TryGetValue("Authorization", out var auth) || !auth.Single().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            _unauthenticated.Add(request.Path);
            return Reply(401, null, ("WWW-Authenticate", "Bearer authorization=\"https://login.microsoftonline.com/tenant\", resource=\"https://vault.azure.net\""));
        }

        var name = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1];
        var id = $"{request.Origin}/secrets/{name}/0123456789abcdef0123456789abcdef";
        switch (request.Method)
        {
            case "PUT" when _deleted.ContainsKey(name):
                return Reply(409, new { error = new { code = "Conflict", message = $"Secret {name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged." } });
            case "PUT":
                _secrets[name] = JsonNode.Parse(request.Body!)!["value"]!.GetValue<string>();
                return Reply(200, new { value = _secrets[name], id, attributes = new { enabled = true } });
            case "GET" when _secrets.TryGetValue(name, out var value):
                return Reply(200, new { value, id, attributes = new { enabled = true } });
            case "DELETE" when _secrets.TryRemove(name, out var deleted):
                _deleted[name] = deleted;
                return Reply(200, new { id, recoveryId = $"{request.Origin}/deletedsecrets/{name}", attributes = new { enabled = true } });
            default:
                return Reply(404, new { error = new { code = "SecretNotFound", message = $"A secret with (name/id) {name} was not found in this key vault." } });
        }
    }

    private static ResponseMessage Reply(int status, object? body, params (string Name, string Value)[] headers)
    {
        var response = new ResponseMessage { StatusCode = status };
        response.AddHeader("Content-Type", "application/json");
        foreach (var (name, value) in headers)
            response.AddHeader(name, value);
        if (body is not null)
            response.BodyData = new WireMock.Util.BodyData { BodyAsString = JsonSerializer.Serialize(body), DetectedBodyType = WireMock.Types.BodyType.String };
        return response;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _server.Stop();

    /// <summary>The app's identity, as a token the stand-in accepts.</summary>
    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("test-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
