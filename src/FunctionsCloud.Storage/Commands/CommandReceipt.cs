namespace FunctionsCloud.Storage.Commands;

/// <summary>
/// What became of one command message of a namespace, by its idempotency key: written before the command runs, so
/// that a second delivery of the same message finds it and starts nothing.
/// </summary>
public sealed record CommandReceipt
{
    public required string Namespace { get; init; }

    /// <summary>The message's idempotency key: its "id", or the queue's message id.</summary>
    public required string Key { get; init; }

    public CommandReceiptState State { get; init; } = CommandReceiptState.Received;

    /// <summary>Until when the delivery that wrote it owns it; after that a redelivery may take it over.</summary>
    public DateTimeOffset LeasedUntil { get; init; }

    /// <summary>resource_uri of the object the command concerned, once known.</summary>
    public string? Object { get; init; }

    /// <summary>resource_uri of the action the command started, when it started one.</summary>
    public string? Action { get; init; }

    /// <summary>Why it was rejected.</summary>
    public string? Reason { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The row's ETag as read; writes are guarded by it.</summary>
    public string? Version { get; init; }
}
