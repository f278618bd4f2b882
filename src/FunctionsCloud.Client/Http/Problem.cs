namespace FunctionsCloud.Client.Http;

/// <summary>An application/problem+json body as the API writes it.</summary>
internal sealed record Problem(string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors);
