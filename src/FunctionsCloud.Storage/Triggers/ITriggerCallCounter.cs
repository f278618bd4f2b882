namespace FunctionsCloud.Storage.Triggers;

/// <summary>
/// Counts calls per trigger per minute in Table storage, so that the limit holds across every instance of the app.
/// </summary>
public interface ITriggerCallCounter
{
    /// <summary>
    /// Counts one call in the minute that <paramref name="now"/> falls in, unless <paramref name="limit"/> calls were
    /// counted there already: then nothing is counted and the answer is false.
    /// </summary>
    Task<bool> TryCountAsync(Guid triggerUuid, DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Removes every count of a trigger that was deleted.</summary>
    Task ForgetAsync(Guid triggerUuid, CancellationToken cancellationToken = default);
}
