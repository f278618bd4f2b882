namespace FunctionsCloud.Application.Repositories;

/// <summary>New credentials for a registered repository; both are given, as the old password is never shown.</summary>
public sealed record ChangeRepositoryRequest(string? Username, string? Password);
