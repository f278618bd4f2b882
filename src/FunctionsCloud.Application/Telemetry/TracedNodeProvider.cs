using System.Diagnostics;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Application.Telemetry;

/// <summary>
/// A provider whose every call is a span (<c>provider</c>, tagged with the provider and the call), a child of the
/// activity or request that made it, so a trace follows an operation into its provider calls.
/// </summary>
public sealed class TracedNodeProvider(INodeProvider inner) : INodeProvider
{
    public string Name => inner.Name;

    public bool NeedsAccount => inner.NeedsAccount;

    public Task ValidateAccountAsync(ProviderAccount account, CancellationToken cancellationToken) =>
        TraceAsync("validate_account", 0, async () =>
        {
            await inner.ValidateAccountAsync(account, cancellationToken);
            return 0;
        });

    public Task<IReadOnlyList<NodeCreationResult>> CreateNodesAsync(NodeCreationRequest request, CancellationToken cancellationToken) =>
        TraceAsync("create_nodes", request.Nodes.Count, () => inner.CreateNodesAsync(request, cancellationToken));

    public Task<IReadOnlyList<NodeStatus>> DescribeNodesAsync(NodeDescriptionRequest request, CancellationToken cancellationToken) =>
        TraceAsync("describe_nodes", request.Nodes.Count, () => inner.DescribeNodesAsync(request, cancellationToken));

    public Task<IReadOnlyList<NodeTerminationResult>> TerminateNodesAsync(NodeTerminationRequest request, CancellationToken cancellationToken) =>
        TraceAsync("terminate_nodes", request.Nodes.Count, () => inner.TerminateNodesAsync(request, cancellationToken));

    private async Task<T> TraceAsync<T>(string call, int nodes, Func<Task<T>> run)
    {
        using var span = FunctionsCloudTelemetry.Source.StartActivity(FunctionsCloudTelemetry.ProviderCallSpan, ActivityKind.Client);
        span?.SetTag("provider.name", inner.Name);
        span?.SetTag("provider.call", call);
        span?.SetTag("provider.nodes", nodes);
        try
        {
            return await run();
        }
        catch (Exception failed)
        {
            span?.SetStatus(ActivityStatusCode.Error, failed.Message);
            throw;
        }
    }
}
