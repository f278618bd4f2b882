using FunctionsCloud.Providers.Azure;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Tests.Azure.Support;

namespace FunctionsCloud.Providers.Tests.Azure;

/// <summary>ValidateAccount signs in with the real ClientSecretCredential (against the fake Entra ID) and reads the subscription.</summary>
public sealed class AzureAccountValidationTests : IDisposable
{
    private readonly AzureHarness _azure = new();

    public void Dispose() => _azure.Dispose();

    [Fact]
    public async Task A_service_principal_signs_in_and_reads_its_subscription()
    {
        await _azure.Provider.ValidateAccountAsync(AzureHarness.Account(), CancellationToken.None);

        var token = Assert.Single(_azure.Arm.TokenRequestBodies);
        Assert.Contains("grant_type=client_credentials", token, StringComparison.Ordinal);
        Assert.Contains($"client_id={AzureHarness.ClientId}", token, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fmanagement.azure.com%2F.default", token, StringComparison.Ordinal);
        var read = Assert.Single(_azure.Arm.Requests);
        Assert.Equal(("GET", $"/subscriptions/{FakeArm.SubscriptionId}"), (read.Method, read.Path));
        Assert.Equal($"Bearer {FakeArm.AccessToken}", read.Authorization);
    }

    [Fact]
    public async Task Arms_refusal_is_told_with_its_message()
    {
        _azure.Arm.Fail(r => r.Is("GET", FakeArm.SubscriptionId), times: 1, 403,
            FakeArm.Error("AuthorizationFailed", $"The client '{AzureHarness.ClientId}' does not have authorization to perform action 'Microsoft.Resources/subscriptions/read'."));

        var failure = await Assert.ThrowsAsync<ProviderException>(() => _azure.Provider.ValidateAccountAsync(AzureHarness.Account(), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Contains("AuthorizationFailed: The client", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AzureHarness.ClientSecret, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_subscription_is_told_with_arms_message()
    {
        var account = new ProviderAccount("azure", new Dictionary<string, string>(AzureHarness.Account().Credentials)
        {
            [AzureAccountFields.SubscriptionId] = "00000000-0000-0000-0000-0000000000ff",
        });

        var failure = await Assert.ThrowsAsync<ProviderException>(() => _azure.Provider.ValidateAccountAsync(account, CancellationToken.None));

        Assert.Contains("SubscriptionNotFound", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_fails_sign_in_without_the_secret_in_any_message()
    {
        _azure.Arm.TokenError = "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.";
        const string WrongSecret = "wrong~Secret.Value-123";

        var failure = await Assert.ThrowsAsync<ProviderException>(() => _azure.Provider.ValidateAccountAsync(AzureHarness.Account(WrongSecret), CancellationToken.None));

        Assert.StartsWith("The Azure account cannot use subscription", failure.Message, StringComparison.Ordinal);
        Assert.Contains("AADSTS7000215", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, failure.ToString(), StringComparison.Ordinal);
        Assert.Contains(WrongSecret, Assert.Single(_azure.Arm.TokenRequestBodies), StringComparison.Ordinal); // it went only to Entra ID
        Assert.Empty(_azure.Arm.Requests);
    }

    [Fact]
    public async Task Create_with_a_wrong_secret_fails_without_the_secret_in_results_or_exceptions()
    {
        _azure.Arm.TokenError = "AADSTS7000215: Invalid client secret provided.";
        var request = _azure.CreationRequest(AzureHarness.Node()) with { Account = AzureHarness.Account() };

        var results = await _azure.Provider.CreateNodesAsync(request, CancellationToken.None);

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.All(results, r => Assert.DoesNotContain(AzureHarness.ClientSecret, r.Error, StringComparison.Ordinal));
        Assert.All(results, r => Assert.Contains("AADSTS7000215", r.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disabled_subscription_is_refused()
    {
        _azure.Arm.SubscriptionState = "Disabled";

        var failure = await Assert.ThrowsAsync<ProviderException>(() => _azure.Provider.ValidateAccountAsync(AzureHarness.Account(), CancellationToken.None));

        Assert.Contains("is Disabled", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AzureAccountFields.SubscriptionId)]
    [InlineData(AzureAccountFields.TenantId)]
    [InlineData(AzureAccountFields.ClientId)]
    [InlineData(AzureAccountFields.ClientSecret)]
    public async Task A_missing_field_is_named(string field)
    {
        var credentials = new Dictionary<string, string>(AzureHarness.Account().Credentials);
        credentials.Remove(field);

        var failure = await Assert.ThrowsAsync<ProviderException>(() => _azure.Provider.ValidateAccountAsync(new ProviderAccount("azure", credentials), CancellationToken.None));

        Assert.Contains($"'{field}'", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_azure.Arm.Requests);
    }

    [Fact]
    public async Task The_managed_identity_is_refused_unless_the_deployment_allows_it()
    {
        var account = new ProviderAccount("azure", new Dictionary<string, string>
        {
            [AzureAccountFields.SubscriptionId] = FakeArm.SubscriptionId,
            [AzureAccountFields.UseManagedIdentity] = "true",
        });

        var failure = await Assert.ThrowsAsync<ProviderException>(() => _azure.Provider.ValidateAccountAsync(account, CancellationToken.None));

        Assert.Contains("AllowManagedIdentity", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_id_that_is_not_a_guid_never_reaches_a_url()
    {
        var credentials = new Dictionary<string, string>(AzureHarness.Account().Credentials) { [AzureAccountFields.SubscriptionId] = "../../providers" };

        var failure = await Assert.ThrowsAsync<ProviderException>(() => _azure.Provider.ValidateAccountAsync(new ProviderAccount("azure", credentials), CancellationToken.None));

        Assert.Contains("not a subscription id", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_azure.Arm.Requests);
    }
}
