namespace FunctionsCloud.Storage.Querying;

/// <summary>An offset/limit slice of a list and how many items the whole list has (the API's total_count).</summary>
public sealed record ListResult<T>(IReadOnlyList<T> Items, int TotalCount);
