namespace FunctionsCloud.Client.Resources;

/// <summary>A token that registers hosts of one's own; <see cref="Command"/> is shown once, when it is made.</summary>
public sealed record RegistrationToken(Guid Uuid, string ResourceUri, string State, int Uses, int UsesLeft, DateTimeOffset ExpiresAt, IReadOnlyList<Tag> Tags, string? Command);
