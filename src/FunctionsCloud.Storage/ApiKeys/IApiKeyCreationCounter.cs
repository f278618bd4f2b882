namespace FunctionsCloud.Storage.ApiKeys;

/// <summary>Counts the keys each user makes per minute in Table storage, so that the limit holds across every instance of the app.</summary>
public interface IApiKeyCreationCounter
{
    /// <summary>Counts one key made by the user this minute, unless <paramref name="limit"/> were: false then, and nothing is counted.</summary>
    Task<bool> TryCountAsync(string user, DateTimeOffset now, int limit, CancellationToken cancellationToken = default);
}
