using System.Text.Json.Serialization;

namespace FunctionsCloud.Client.Resources;

/// <summary>A user of the installation; <see cref="ApiKey"/>, their first key, comes only in the answer that makes them.</summary>
/// <param name="IsActive">False while an administrator has suspended the user: their keys are refused.</param>
public sealed record User(
    string Username, string ResourceUri, string? Email, [property: JsonPropertyName("is_admin")] bool IsInstallationAdmin, DateTimeOffset CreatedDatetime, ApiKey? ApiKey, string? FullName = null, bool IsActive = true);
