namespace FunctionsCloud.Providers.Aws;

/// <summary>The credential fields of a linked AWS account (Docker Cloud's names).</summary>
public static class AwsAccountFields
{
    public const string AccessKeyId = "access_key_id";
    public const string SecretAccessKey = "secret_access_key";
}
