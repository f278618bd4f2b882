using System.Collections.Concurrent;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Domain.Nodes;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Tests.Liveness;

/// <summary>Remembers which nodes were handed over as lost.</summary>
public sealed class RecordingLostNodeHandler : ILostNodeHandler
{
    public ConcurrentQueue<Guid> Lost { get; } = new();

    public Task HandleAsync(Node node, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        Lost.Enqueue(node.Uuid);
        return Task.CompletedTask;
    }
}
