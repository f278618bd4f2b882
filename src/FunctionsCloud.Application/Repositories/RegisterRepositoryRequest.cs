namespace FunctionsCloud.Application.Repositories;

/// <param name="Name">The repository, e.g. registry.example.com/team/app (Docker Hub's as team/app).</param>
/// <param name="Username">The registry user the nodes pull as.</param>
/// <param name="Password">Its password or access token: sealed at rest, never shown again.</param>
public sealed record RegisterRepositoryRequest(string? Name, string? Username, string? Password);
