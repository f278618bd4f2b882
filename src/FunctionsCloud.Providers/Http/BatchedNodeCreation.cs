using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Providers.Http;

/// <summary>
/// How the HTTP providers create nodes idempotently: each node's machine is named after it (<see cref="NodeHostname"/>);
/// machines that already carry a node's name are kept, and only the others are created, in batches. A batch the
/// provider refuses (capacity, a bad size) fails just its nodes, with the provider's message; a transient failure
/// ends the call, for the activity's retry to run it again, when the machines made so far are found by name.
/// </summary>
public sealed partial class BatchedNodeCreation<TMachine>(
    Func<TMachine, string> hostnameOfMachine,
    Func<NodeToCreate[], CancellationToken, Task<IReadOnlyList<TMachine>>> createBatch,
    ILogger logger)
{
    /// <summary>The machine of each node, existing or made now, or the provider's reason why there is none.</summary>
    public async Task<IReadOnlyList<(NodeToCreate Node, TMachine? Machine, string? Error)>> RunAsync(
        IReadOnlyList<NodeToCreate> nodes,
        Func<NodeToCreate, string> hostnameOf,
        IEnumerable<TMachine> existing,
        int batchSize,
        CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, TMachine>(StringComparer.OrdinalIgnoreCase);
        foreach (var machine in existing)
        {
            byName.TryAdd(hostnameOfMachine(machine), machine);
        }

        var missing = nodes.Where(node => !byName.ContainsKey(hostnameOf(node))).ToList();
        LogCreating(logger, missing.Count, nodes.Count - missing.Count);
        var failures = new Dictionary<Guid, string>();
        foreach (var batch in missing.Chunk(batchSize))
        {
            await CreateAsync(batch, byName, failures, cancellationToken).ConfigureAwait(false);
        }

        return nodes.Select(node => byName.TryGetValue(hostnameOf(node), out var machine)
            ? (node, machine, null)
            : (node, default(TMachine), failures.GetValueOrDefault(node.NodeUuid, $"The provider did not return machine {hostnameOf(node)}.")))
            .ToList();
    }

    private async Task CreateAsync(NodeToCreate[] batch, Dictionary<string, TMachine> byName, Dictionary<Guid, string> failures, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var machine in await createBatch(batch, cancellationToken).ConfigureAwait(false))
            {
                byName[hostnameOfMachine(machine)] = machine;
            }
        }
        catch (ProviderException ex) when (!ex.IsTransient)
        {
            LogBatchRefused(logger, batch.Length, ex.Message);
            foreach (var node in batch)
            {
                failures[node.NodeUuid] = ex.Message;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating {Missing} machines; {Existing} already exist")]
    private static partial void LogCreating(ILogger logger, int missing, int existing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} machines was refused: {Reason}")]
    private static partial void LogBatchRefused(ILogger logger, int count, string reason);
}
