using System.Collections.Concurrent;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Domain.Nodes;

namespace FunctionsCloud.Functions.Tests.Liveness;

/// <summary>Remembers which nodes were handed over as lost.</summary>
public sealed class RecordingLostNodeHandler : ILostNodeHandler
{
    public ConcurrentQueue<Guid> Lost { get; } = new();

    public Task HandleAsync(Node node, CancellationToken cancellationToken)
    {
        Lost.Enqueue(node.Uuid);
        return Task.CompletedTask;
    }
}
