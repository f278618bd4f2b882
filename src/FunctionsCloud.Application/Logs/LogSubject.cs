namespace FunctionsCloud.Application.Logs;

/// <summary>
/// Whose logs are read: one container, or a service's containers (merged by time, each line naming its container).
/// <see cref="RefreshAsync"/> gives the containers to follow now (a service gains containers as it scales).
/// <see cref="Name"/> is the container's or service's name (a downloaded log's file is named after it).
/// </summary>
public sealed record LogSubject(string Name, IReadOnlyList<LogSource> Sources, bool NamesContainers, Func<CancellationToken, Task<IReadOnlyList<LogSource>>> RefreshAsync);
