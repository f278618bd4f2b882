namespace FunctionsCloud.Storage.Triggers;

/// <summary>Where the trigger a secret belongs to is stored.</summary>
public sealed record TriggerAddress(string Namespace, Guid Uuid);
