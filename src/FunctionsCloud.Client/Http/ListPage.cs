namespace FunctionsCloud.Client.Http;

/// <summary>Docker Cloud's list shape: <c>{"meta": {...}, "objects": [...]}</c>.</summary>
public sealed record ListPage<T>(ListMeta Meta, IReadOnlyList<T> Objects);

/// <summary>next/previous are the paths of the neighbouring pages, or null at either end.</summary>
public sealed record ListMeta(int Limit, int Offset, int TotalCount, string? Next, string? Previous);
