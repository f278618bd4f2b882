namespace FunctionsCloud.Client.Resources;

/// <summary>A user of the installation; <see cref="ApiKey"/>, their first key, comes only in the answer that makes them.</summary>
public sealed record User(string Username, string ResourceUri, string? Email, bool IsAdmin, DateTimeOffset CreatedDatetime, ApiKey? ApiKey);
