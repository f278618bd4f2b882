namespace FunctionsCloud.Application.Logs;

/// <summary>
/// Whose logs are read: one container, or a service's containers (merged by time, each line naming its container).
/// <see cref="RefreshAsync"/> gives the containers to follow now (a service gains containers as it scales).
/// </summary>
public sealed record LogSubject(IReadOnlyList<LogSource> Sources, bool NamesContainers, Func<CancellationToken, Task<IReadOnlyList<LogSource>>> RefreshAsync);
