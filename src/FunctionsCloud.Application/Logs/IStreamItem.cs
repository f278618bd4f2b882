namespace FunctionsCloud.Application.Logs;

/// <summary>What a follow stream yields: data with the id that resumes after it, or (no data) a poll that found nothing.</summary>
public interface IStreamItem
{
    string? Id { get; }

    /// <summary>The event's data, serialized as JSON by its own type; null when the poll found nothing.</summary>
    object? Data { get; }

    /// <summary>What was followed has ended: nothing more will come, and a client need not reconnect.</summary>
    bool Ended => false;
}
