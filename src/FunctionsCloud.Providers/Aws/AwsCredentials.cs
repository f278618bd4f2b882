using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.Aws;

/// <summary>A user's AWS access key, read from their linked account. ToString hides it; messages shown to users are scrubbed of it.</summary>
internal sealed class AwsCredentials
{
    private AwsCredentials(string accessKeyId, string secretAccessKey)
    {
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
    }

    public string AccessKeyId { get; }

    private string SecretAccessKey { get; }

    /// <summary>Identifies the key pair without holding the secret in clear (a rotated secret gets a new client).</summary>
    public string CacheKey => AccessKeyId + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(SecretAccessKey)));

    public static AwsCredentials From(ProviderAccount? account)
    {
        if (account is null)
        {
            throw new ProviderException("AWS nodes need a linked AWS account.");
        }

        return new AwsCredentials(account.Require(AwsAccountFields.AccessKeyId), account.Require(AwsAccountFields.SecretAccessKey));
    }

    public AWSCredentials ToSdkCredentials() => new BasicAWSCredentials(AccessKeyId, SecretAccessKey);

    /// <summary>Removes the key from a message (AWS echoes request details in a few errors) before it reaches a log or a user.</summary>
    public string Redact(string message) =>
        message.Replace(SecretAccessKey, "(hidden)", StringComparison.Ordinal).Replace(AccessKeyId, "(access key)", StringComparison.Ordinal);

    public override string ToString() => "AWS credentials (hidden)";
}
