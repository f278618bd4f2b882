namespace FunctionsCloud.Storage.Querying;

/// <summary>One page of a list; <see cref="ContinuationToken"/> (Azure's own) is null on the last page.</summary>
public sealed record QueryPage<T>(IReadOnlyList<T> Items, string? ContinuationToken);
