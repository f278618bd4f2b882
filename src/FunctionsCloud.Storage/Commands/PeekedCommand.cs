namespace FunctionsCloud.Storage.Commands;

/// <summary>A message looked at in a queue without taking it: its body as stored (the host's Base64, or plain text).</summary>
public sealed record PeekedCommand(string MessageId, DateTimeOffset? InsertedOn, long DequeueCount, BinaryData Body);
