namespace FunctionsCloud.Application.Commands;

/// <summary>
/// A command message as sent to the command queue (JSON, snake_case). Every field is checked by
/// <see cref="CommandParser"/>; null means not given.
/// </summary>
public sealed record CommandMessage
{
    /// <summary>Idempotency key; the queue's message id when absent.</summary>
    public string? Id { get; init; }

    /// <summary>"Basic base64(user:apikey)", as an HTTP call would send it.</summary>
    public string? Authorization { get; init; }

    /// <summary>Must be the key's namespace; the key's when absent.</summary>
    public string? Namespace { get; init; }

    public CommandTargetRequest? Target { get; init; }

    public string? Operation { get; init; }

    /// <summary>scale: the number to scale to.</summary>
    public int? Count { get; init; }

    /// <summary>scale: the number to add (or, negative, remove).</summary>
    public int? By { get; init; }

    /// <summary>A queue of the same account that hears whether the command was accepted.</summary>
    public string? ReplyTo { get; init; }
}

/// <summary>The object a command is about: a service or node cluster, by uuid or by name.</summary>
public sealed record CommandTargetRequest(string? Kind, string? Uuid, string? Name);
