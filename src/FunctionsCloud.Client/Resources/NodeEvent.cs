namespace FunctionsCloud.Client.Resources;

/// <summary>Something that happened to an object on its own (a node going Unreachable, back, Lost).</summary>
public sealed record NodeEvent(Guid Uuid, string ResourceUri, string Type, string Action, string Object, string State, string Reason, DateTimeOffset Date);
