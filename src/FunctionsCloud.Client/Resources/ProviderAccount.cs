namespace FunctionsCloud.Client.Resources;

/// <summary>Whether a provider account is linked, and with which fields: the API never shows the credentials.</summary>
public sealed record ProviderAccount(string ResourceUri, string Provider, bool Linked, IReadOnlyList<string> Fields, DateTimeOffset? LinkedAt, string? LinkedBy);
