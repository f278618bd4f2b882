using FunctionsCloud.Agent.Containers;
using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Tests.Support;

/// <summary>Node containers without an engine: reports what it is given (null: no engine) and records every reconcile.</summary>
public sealed class StubNodeContainers(IReadOnlyList<ReportedContainer>? report = null) : INodeContainers
{
    private readonly List<IReadOnlyList<DesiredContainer>> _reconciles = [];

    public IReadOnlyList<ReportedContainer>? Report { get; set; } = report;

    /// <summary>Thrown by the next reconciles while set.</summary>
    public Exception? Failure { get; set; }

    /// <summary>While set, reconciles end only when it completes.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>While set, what a reconcile leaves the node with (the report from then on).</summary>
    public IReadOnlyList<ReportedContainer>? ReportAfterReconcile { get; set; }

    public IReadOnlyList<IReadOnlyList<DesiredContainer>> Reconciles
    {
        get
        {
            lock (_reconciles)
            {
                return [.. _reconciles];
            }
        }
    }

    public Task<IReadOnlyList<ReportedContainer>?> ReportAsync(Guid nodeUuid, CancellationToken cancellationToken) => Task.FromResult(Report);

    public async Task ReconcileAsync(Guid nodeUuid, IReadOnlyList<DesiredContainer> desired, IPullCredentials pullCredentials, CancellationToken cancellationToken)
    {
        lock (_reconciles)
        {
            _reconciles.Add(desired);
        }

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        Report = ReportAfterReconcile ?? Report;
    }
}
