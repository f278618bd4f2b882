using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.Aws;

/// <summary>
/// A cluster's AWS provider_options, as Docker Cloud had them:
/// <c>{"vpc": {"id", "subnets": [], "security_groups": []}, "iam": {"instance_profile_name"}}</c>.
/// </summary>
internal sealed record AwsClusterOptions(string? VpcId, IReadOnlyList<string> Subnets, IReadOnlyList<string> SecurityGroups, string? InstanceProfileName)
{
    public static AwsClusterOptions None { get; } = new(null, [], [], null);

    /// <summary>The options, or a permanent <see cref="ProviderException"/> saying what is wrong with them.</summary>
    public static AwsClusterOptions Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return None;
        }

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json);
        }
        catch (JsonException ex)
        {
            throw new ProviderException($"The AWS provider_options are not valid: {ex.Message}");
        }

        var options = new AwsClusterOptions(
            Clean(document?.Vpc?.Id),
            Clean(document?.Vpc?.Subnets),
            Clean(document?.Vpc?.SecurityGroups),
            Clean(document?.Iam?.InstanceProfileName));
        if (options.VpcId is not null && options.Subnets.Count == 0)
        {
            // RunInstances picks a VPC through a subnet; with none, EC2 would silently use the default VPC instead.
            throw new ProviderException("The AWS provider_options name a VPC but none of its subnets: set vpc.subnets.");
        }

        return options;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string[] Clean(IEnumerable<string?>? values) =>
        values?.Select(Clean).OfType<string>().Distinct(StringComparer.Ordinal).ToArray() ?? [];

    private sealed record Document(
        [property: JsonPropertyName("vpc")] VpcDocument? Vpc,
        [property: JsonPropertyName("iam")] IamDocument? Iam);

    private sealed record VpcDocument(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("subnets")] List<string?>? Subnets,
        [property: JsonPropertyName("security_groups")] List<string?>? SecurityGroups);

    private sealed record IamDocument([property: JsonPropertyName("instance_profile_name")] string? InstanceProfileName);
}
