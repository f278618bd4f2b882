namespace FunctionsCloud.Domain.Services;

/// <summary>A link from this service to another under an alias (linked_to_service's name): Compose-style variables and host names.</summary>
public sealed record ServiceLink(string Alias, Guid ToService);
