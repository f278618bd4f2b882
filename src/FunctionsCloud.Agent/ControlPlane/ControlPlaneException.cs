using System.Net;

namespace FunctionsCloud.Agent.ControlPlane;

/// <summary>
/// A call to the control plane did not succeed: either it answered with an error status
/// (<see cref="StatusCode"/> set, with the problem+json <see cref="Detail"/> when it sent one), or it could not be reached.
/// </summary>
public sealed class ControlPlaneException : Exception
{
    public ControlPlaneException(HttpStatusCode statusCode, string? detail)
        : base(Describe(statusCode, detail))
    {
        StatusCode = statusCode;
        Detail = detail;
    }

    public ControlPlaneException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }

    public ControlPlaneException()
    {
    }

    public ControlPlaneException(string message)
        : base(message)
    {
    }

    /// <summary>The status the control plane answered with; null when it was not reached.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The problem+json <c>detail</c> (or <c>title</c>) of the answer, if any.</summary>
    public string? Detail { get; }

    public bool IsUnauthorized => StatusCode == HttpStatusCode.Unauthorized;

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    private static string Describe(HttpStatusCode statusCode, string? detail) =>
        detail is null ? $"HTTP {(int)statusCode} {statusCode}" : $"HTTP {(int)statusCode} {statusCode}: {detail}";
}
