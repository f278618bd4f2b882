using System.Net;

namespace FunctionsCloud.Client.Http;

/// <summary>
/// The API refused a request (4xx) or failed (5xx). Carries its application/problem+json: the detail in words and,
/// for bad input, the messages of each field it named. Nothing was changed.
/// </summary>
public sealed class ApiException(HttpStatusCode status, string title, string detail, IReadOnlyDictionary<string, string[]> errors)
    : Exception(detail)
{
    public HttpStatusCode Status { get; } = status;
    public string Title { get; } = title;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public bool IsUnauthorized => Status == HttpStatusCode.Unauthorized;
    public bool IsConflict => Status == HttpStatusCode.Conflict;

    /// <summary>The messages for one field, e.g. <c>image_name</c>; empty when that field was not named.</summary>
    public IReadOnlyList<string> For(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>The action in flight that a 409 names, when it names one.</summary>
    public string? ActionInFlight => ActionUris.FindIn(Message);
}
