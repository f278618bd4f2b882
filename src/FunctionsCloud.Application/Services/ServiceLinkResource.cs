namespace FunctionsCloud.Application.Services;

/// <summary>One entry of linked_to_service: the alias (name), the linked service and the linking one, as resource URIs.</summary>
public sealed record ServiceLinkResource(string Name, string ToService, string FromService);
