using System.Text.Json;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Catalog;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.NodeClusters;
using FunctionsCloud.Storage.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.NodeClusters;

/// <summary>What users do with node clusters. Every refusal happens before anything is written.</summary>
public sealed class NodeClusterService(
    INodeClusterStore clusters,
    INodeStore nodes,
    CatalogView catalog,
    ClusterOperationStarter operations,
    IOptions<FunctionsCloudOptions> options,
    TimeProvider clock)
{
    public IReadOnlySet<string> FilterableFields => clusters.QueryableFields;

    public async Task<(IReadOnlyList<NodeClusterResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var page = await clusters.ListAsync(caller.Namespace, request.ToQuery(), request.Offset, request.Limit, cancellationToken);
        var items = new List<NodeClusterResource>();
        foreach (var cluster in page.Items)
            items.Add(await ToResourceAsync(cluster, cancellationToken));
        return (items, page.TotalCount);
    }

    public async Task<NodeClusterResource> GetAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        await ToResourceAsync(await LoadAsync(caller, uuid, cancellationToken), cancellationToken);

    public async Task<NodeClusterResource> CreateAsync(Caller caller, CreateNodeClusterRequest request, CancellationToken cancellationToken)
    {
        var (provider, region, nodeType) = ValidateCreate(request, await catalog.AvailabilityAsync(caller.Namespace, cancellationToken));
        var cluster = new NodeCluster
        {
            Uuid = Guid.NewGuid(),
            Namespace = caller.Namespace,
            Name = request.Name!,
            Nickname = request.Nickname ?? request.Name!,
            Provider = provider,
            Region = region,
            NodeType = nodeType,
            Disk = request.Disk ?? NodeClusterRules.DefaultDiskGb,
            TargetNumNodes = request.TargetNumNodes ?? 1,
            Tags = request.Tags?.Select(t => t.Name).Distinct().ToList() ?? [],
            ProviderOptions = request.ProviderOptions is { ValueKind: not JsonValueKind.Null } po ? po.GetRawText() : null,
            CreatedDatetime = clock.GetUtcNow(),
        };
        await clusters.CreateAsync(cluster, cancellationToken);
        return NodeClusterResource.From(cluster, [], options.Value.MaxNodesPerCluster);
    }

    public async Task<(NodeClusterResource Cluster, ActionRecord Action)> DeployAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(caller, uuid, cancellationToken);
        if ((await catalog.AvailabilityAsync(caller.Namespace, cancellationToken)).ReasonFor(current.Provider) is { } reason)
            throw new RequestValidationException("region", $"provider '{current.Provider}' is not available: {reason}");
        var (cluster, action) = await operations.StartAsync(caller, info, uuid, ClusterOperationKind.Deploy, c =>
        {
            if (c.State != NodeClusterState.Init)
                throw new ResourceConflictException($"The node cluster is {Domain.States.ApiNames.Of(c.State)}; only a cluster in state Init can be deployed.");
            c.MoveTo(NodeClusterState.Deploying);
        }, durable, cancellationToken: cancellationToken);
        return (await ToResourceAsync(cluster, cancellationToken), action);
    }

    /// <summary>Nickname and tags change at once; a new target_num_nodes on a deployed cluster starts a scale operation.</summary>
    public async Task<(NodeClusterResource Cluster, ActionRecord? Action)> PatchAsync(
        Caller caller, RequestInfo info, Guid uuid, PatchNodeClusterRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(caller, uuid, cancellationToken);
        ValidatePatch(request);
        if (current.IsTerminated)
            throw new ResourceConflictException($"The node cluster is {Domain.States.ApiNames.Of(current.State)} and cannot be changed.");

        var scales = request.TargetNumNodes is { } target && target != current.TargetNumNodes && current.State != NodeClusterState.Init;
        if (!scales)
        {
            var updated = await clusters.UpdateAsync(caller.Namespace, uuid, c =>
            {
                if (c.IsTerminated)
                    throw new ResourceConflictException("The node cluster is being terminated and cannot be changed.");
                // Whatever it changes, even a target equal to the current one: one operation's object at a time.
                if (c.ActiveAction is { } busy)
                    throw new OperationInProgressException(busy);
                if (request.TargetNumNodes is { } target && target != c.TargetNumNodes && c.State != NodeClusterState.Init)
                    throw new ResourceConflictException("The node cluster was deployed while this request was handled; send it again to scale.");
                Apply(c, request);
                c.TargetNumNodes = request.TargetNumNodes ?? c.TargetNumNodes;
                return true;
            }, cancellationToken) ?? throw NotFound(uuid);
            return (await ToResourceAsync(updated, cancellationToken), null);
        }

        var (cluster, action) = await operations.StartAsync(caller, info, uuid, ClusterOperationKind.Scale, c =>
        {
            if (c.IsTerminated)
                throw new ResourceConflictException("The node cluster is being terminated and cannot be scaled.");
            Apply(c, request);
            c.TargetNumNodes = request.TargetNumNodes!.Value;
            c.MoveTo(NodeClusterState.Scaling);
        }, durable, cancellationToken: cancellationToken);
        return (await ToResourceAsync(cluster, cancellationToken), action);
    }

    public async Task<(NodeClusterResource Cluster, ActionRecord Action)> TerminateAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        await LoadAsync(caller, uuid, cancellationToken);
        var (cluster, action) = await operations.StartAsync(caller, info, uuid, ClusterOperationKind.Terminate, c =>
        {
            if (c.State == NodeClusterState.Terminated)
                throw new ResourceConflictException("The node cluster is already Terminated.");
            if (c.State != NodeClusterState.Terminating)
                c.MoveTo(NodeClusterState.Terminating);
        }, durable, cancellationToken: cancellationToken);
        return (await ToResourceAsync(cluster, cancellationToken), action);
    }

    /// <summary>The stored cluster alone, without the reads its API view makes; 404 when the caller's namespace has none.</summary>
    public async Task<NodeCluster> LoadAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        await clusters.GetAsync(caller.Namespace, uuid, cancellationToken) ?? throw NotFound(uuid);

    private async Task<NodeClusterResource> ToResourceAsync(NodeCluster cluster, CancellationToken cancellationToken) =>
        NodeClusterResource.From(cluster, await nodes.ListByClusterAsync(cluster.Namespace, cluster.Uuid, cancellationToken), options.Value.MaxNodesPerCluster);

    private static ResourceNotFoundException NotFound(Guid uuid) => new("node cluster", uuid.ToString());

    private static void Apply(NodeCluster cluster, PatchNodeClusterRequest request)
    {
        if (request.Nickname is not null)
            cluster.Nickname = request.Nickname;
        if (request.Tags is not null)
            cluster.Tags = request.Tags.Select(t => t.Name).Distinct().ToList();
    }

    private (string Provider, string Region, string NodeType) ValidateCreate(CreateNodeClusterRequest request, ProviderAvailability availability)
    {
        var validator = new Validator()
            .Name("name", request.Name)
            .Range("target_num_nodes", request.TargetNumNodes ?? 1, 0, options.Value.MaxNodesPerCluster)
            .Range("disk", request.Disk ?? NodeClusterRules.DefaultDiskGb, NodeClusterRules.MinDiskGb, NodeClusterRules.MaxDiskGb)
            .Tags("tags", request.Tags?.Select(t => t.Name))
            .Nickname("nickname", request.Nickname)
            .Require(request.ProviderOptions is null or { ValueKind: JsonValueKind.Object or JsonValueKind.Null }, "provider_options", "must be a JSON object.")
            .Text("provider_options", request.ProviderOptions?.GetRawText(), FieldLimits.ProviderOptions);

        string provider = "", region = "", nodeType = "";
        if (!ResourceUris.TryParseCatalogUri(request.Region, "region", out provider, out region))
            validator.Add("region", "must be a region URI such as /api/infra/v1/region/local/local/.");
        else if (catalog.Catalog.FindRegion(provider, region) is null)
            validator.Add("region", $"no region '{region}' of provider '{provider}' exists.");
        else if (availability.ReasonFor(provider) is { } reason)
            validator.Add("region", $"provider '{provider}' is not available: {reason}");

        if (!ResourceUris.TryParseCatalogUri(request.NodeType, "nodetype", out var typeProvider, out nodeType))
            validator.Add("node_type", "must be a node type URI such as /api/infra/v1/nodetype/local/local/.");
        else if (catalog.Catalog.FindNodeType(typeProvider, nodeType) is not { } type)
            validator.Add("node_type", $"no node type '{nodeType}' of provider '{typeProvider}' exists.");
        else if (typeProvider != provider)
            validator.Add("node_type", $"is of provider '{typeProvider}' but the region is of '{provider}'.");
        else if (!type.Regions.Contains(region))
            validator.Add("node_type", $"'{nodeType}' is not offered in region '{region}'.");

        validator.ThrowIfInvalid();
        return (provider, region, nodeType);
    }

    private void ValidatePatch(PatchNodeClusterRequest request)
    {
        var validator = new Validator()
            .Tags("tags", request.Tags?.Select(t => t.Name))
            .Nickname("nickname", request.Nickname);
        if (request.TargetNumNodes is { } target)
            validator.Range("target_num_nodes", target, 0, options.Value.MaxNodesPerCluster);
        validator.ThrowIfInvalid();
    }
}
