namespace FunctionsCloud.Providers.Contract;

/// <summary>
/// What every provider does, the same way: check a user's account, create machines that boot the agent,
/// tell how their creation is going, and terminate them. Calls start the work and return; they never wait
/// for a machine to boot or an agent to register (the orchestration waits, with durable timers and events).
/// Create and terminate are idempotent: calling again with the same node ids never makes a second machine.
/// </summary>
public interface INodeProvider
{
    /// <summary>The catalog name, e.g. "local", "aws".</summary>
    string Name { get; }

    /// <summary>Whether nodes need a linked account of the user's (every cloud); the local provider needs none.</summary>
    bool NeedsAccount { get; }

    /// <summary>Checks the credentials with a cheap authenticated call. Throws <see cref="ProviderException"/> with the provider's message.</summary>
    Task ValidateAccountAsync(ProviderAccount account, CancellationToken cancellationToken);

    /// <summary>Creates the nodes in as few provider calls as the provider allows. One result per node.</summary>
    Task<IReadOnlyList<NodeCreationResult>> CreateNodesAsync(NodeCreationRequest request, CancellationToken cancellationToken);

    /// <summary>Where each node's machine stands (still being made, running, failed, gone). One status per node.</summary>
    Task<IReadOnlyList<NodeStatus>> DescribeNodesAsync(NodeDescriptionRequest request, CancellationToken cancellationToken);

    /// <summary>Terminates the nodes. A node that is already gone counts as terminated.</summary>
    Task<IReadOnlyList<NodeTerminationResult>> TerminateNodesAsync(NodeTerminationRequest request, CancellationToken cancellationToken);
}
