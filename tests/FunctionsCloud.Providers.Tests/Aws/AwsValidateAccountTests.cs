using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Tests.Aws.Support;

namespace FunctionsCloud.Providers.Tests.Aws;

/// <summary>Linking an account checks the key with DescribeRegions.</summary>
public sealed class AwsValidateAccountTests : IDisposable
{
    private readonly AwsScenario _aws = new();

    public void Dispose() => _aws.Dispose();

    [Fact]
    public async Task A_working_key_passes_with_one_DescribeRegions_call()
    {
        await _aws.Provider.ValidateAccountAsync(AwsScenario.Account, CancellationToken.None);

        Assert.Single(_aws.Ec2.Calls("DescribeRegions"));
        Assert.Contains(_aws.Ec2.AuthorizationHeaders, h => h.Contains($"Credential={AwsScenario.AccessKeyId}/", StringComparison.Ordinal) && h.Contains("/us-east-1/ec2/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthFailure_becomes_a_permanent_ProviderException_with_AWSs_message()
    {
        _aws.Ec2.Fail("DescribeRegions", "AuthFailure", "AWS was not able to validate the provided access credentials", status: 401);

        var error = await Assert.ThrowsAsync<ProviderException>(() => _aws.Provider.ValidateAccountAsync(AwsScenario.Account, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal("AWS AuthFailure: AWS was not able to validate the provided access credentials", error.Message);
        Assert.DoesNotContain(AwsScenario.SecretAccessKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnauthorizedOperation_is_reported_the_same_way()
    {
        _aws.Ec2.Fail("DescribeRegions", "UnauthorizedOperation", "You are not authorized to perform this operation.", status: 403);

        var error = await Assert.ThrowsAsync<ProviderException>(() => _aws.Provider.ValidateAccountAsync(AwsScenario.Account, CancellationToken.None));

        Assert.Equal("AWS UnauthorizedOperation: You are not authorized to perform this operation.", error.Message);
    }

    [Fact]
    public async Task An_account_without_a_secret_is_refused_without_calling_AWS()
    {
        var account = new ProviderAccount("aws", new Dictionary<string, string> { ["access_key_id"] = AwsScenario.AccessKeyId });

        var error = await Assert.ThrowsAsync<ProviderException>(() => _aws.Provider.ValidateAccountAsync(account, CancellationToken.None));

        Assert.Contains("secret_access_key", error.Message, StringComparison.Ordinal);
        Assert.Empty(_aws.Ec2.Requests);
    }
}
