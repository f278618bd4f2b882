namespace FunctionsCloud.Client.Http;

/// <summary>
/// What an operation answers: the object as it is now, and the action that follows the work when the operation is
/// asynchronous (<c>X-DockerCloud-Action-URI</c>), else null.
/// </summary>
public sealed record Accepted<T>(T Object, string? ActionUri);
