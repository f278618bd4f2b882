namespace FunctionsCloud.Client.Resources;

/// <summary>A tag as the API writes it: <c>{"name": "rack=7"}</c>.</summary>
public sealed record Tag(string Name);
