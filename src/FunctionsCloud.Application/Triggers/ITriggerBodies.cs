namespace FunctionsCloud.Application.Triggers;

/// <summary>The body of the latest trigger call on a service, which its containers get as TRIGGER_BODY when they are made.</summary>
public interface ITriggerBodies
{
    /// <summary>For builds that know no triggers.</summary>
    static ITriggerBodies None { get; } = new NoTriggerBodies();

    /// <summary>The latest call's body, or null when no trigger of the service was called.</summary>
    Task<string?> LatestAsync(string @namespace, Guid serviceUuid, CancellationToken cancellationToken);

    private sealed class NoTriggerBodies : ITriggerBodies
    {
        public Task<string?> LatestAsync(string @namespace, Guid serviceUuid, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }
}
