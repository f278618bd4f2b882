namespace FunctionsCloud.Application.Commands;

/// <summary>One delivery of a message of the command queue: its queue, its message id and its body (decoded from the host's Base64).</summary>
public sealed record CommandDelivery(string Queue, string MessageId, BinaryData Body);
