namespace FunctionsCloud.Providers.Contract;

/// <summary>
/// What every provider does, the same way: create machines that boot the agent, and terminate them.
/// Calls start the work and return; they never wait for a machine to boot or an agent to register.
/// Both calls are idempotent: calling again with the same node ids never makes a second machine.
/// </summary>
public interface INodeProvider
{
    /// <summary>The catalog name, e.g. "local", "aws".</summary>
    string Name { get; }

    /// <summary>Creates the nodes in as few provider calls as the provider allows. One result per node.</summary>
    Task<IReadOnlyList<NodeCreationResult>> CreateNodesAsync(NodeCreationRequest request, CancellationToken cancellationToken);

    /// <summary>Terminates the nodes. A node that is already gone counts as terminated.</summary>
    Task<IReadOnlyList<NodeTerminationResult>> TerminateNodesAsync(NodeTerminationRequest request, CancellationToken cancellationToken);
}
