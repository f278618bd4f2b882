namespace FunctionsCloud.Application.Api;

/// <summary>The object does not exist, or belongs to another namespace (which, to the caller, is the same).</summary>
public sealed class ResourceNotFoundException(string resource, string id)
    : Exception($"No {resource} '{id}' here.");

/// <summary>The request clashes with the object's state. Nothing was changed.</summary>
public class ResourceConflictException(string message) : Exception(message);

/// <summary>Another operation holds the object: one operation per resource at a time.</summary>
public sealed class OperationInProgressException(Guid actionUuid)
    : ResourceConflictException($"Another operation is in progress on this object: {Domain.Resources.ResourceUris.Action(actionUuid)}. Wait for it to finish.")
{
    public Guid ActionUuid { get; } = actionUuid;
}

/// <summary>No, bad, expired or revoked credentials.</summary>
public sealed class AuthenticationFailedException(string message) : Exception(message);

/// <summary>The request's body is declared as something other than JSON, which every API body is.</summary>
public sealed class UnsupportedMediaTypeException(string contentType)
    : Exception($"The body must be JSON (Content-Type: application/json), not '{contentType}'.");
