using System.Net;
using Amazon.EC2;
using Amazon.Runtime;

namespace FunctionsCloud.Providers.Aws;

/// <summary>What an EC2 failure means for us: wait and retry, try another zone, treat as already gone, or give up with AWS's message.</summary>
internal static class Ec2Errors
{
    public const string IdempotentParameterMismatch = "IdempotentParameterMismatch";
    public const string InstanceNotFound = "InvalidInstanceID.NotFound";

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestLimitExceeded", "Throttling", "ThrottlingException", "TooManyRequestsException", "RequestThrottled",
        "InternalError", "InternalFailure", "ServiceUnavailable", "Unavailable", "ServerInternal", "RequestTimeout",
    };

    // A zone that cannot take these nodes now (or ever, for this instance type): another zone of the region may.
    private static readonly HashSet<string> ZoneCapacityCodes = new(StringComparer.Ordinal)
    {
        "InsufficientInstanceCapacity", "InsufficientCapacity", "InsufficientHostCapacity", "Unsupported",
    };

    /// <summary>
    /// Checked before <see cref="IsTransient"/>: EC2 reports missing capacity with HTTP 500, which must move
    /// the nodes to another zone rather than be retried in the same one.
    /// </summary>
    public static bool IsZoneCapacity(Exception exception) =>
        exception is AmazonEC2Exception ec2 && ec2.ErrorCode is { } code && ZoneCapacityCodes.Contains(code);

    public static bool IsTransient(Exception exception) => exception switch
    {
        _ when IsZoneCapacity(exception) => false,
        AmazonServiceException service when service.ErrorCode is { } code && TransientCodes.Contains(code) => true,
        AmazonServiceException service => service.StatusCode is HttpStatusCode.TooManyRequests || (int)service.StatusCode >= 500,
        HttpRequestException or IOException or TimeoutException => true,
        AmazonClientException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    public static bool HasCode(Exception exception, string code) => exception is AmazonServiceException { ErrorCode: { } actual } && actual == code;

    /// <summary>The message users see in the action log: AWS's code and message.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AmazonServiceException { ErrorCode: { Length: > 0 } code } service => $"AWS {code}: {service.Message}",
        _ => $"AWS: {exception.Message}",
    };
}
