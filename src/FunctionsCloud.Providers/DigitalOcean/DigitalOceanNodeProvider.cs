using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Providers.DigitalOcean;

/// <summary>
/// The <c>digitalocean</c> provider, on the v2 REST API with the user's token. Droplets are created in batches of up
/// to ten names, each named after its node (<see cref="NodeHostname"/>) and tagged with the product, its cluster
/// and its node. Creation first lists the cluster's droplets and skips names that exist, so a retried or replayed
/// activity creates nothing new. Calls return as soon as DigitalOcean accepts them; booting is watched through
/// <see cref="DescribeNodesAsync"/>.
/// </summary>
public sealed partial class DigitalOceanNodeProvider(
    IHttpClientFactory clients,
    IOptions<DigitalOceanOptions> options,
    IProviderClock clock,
    ILogger<DigitalOceanNodeProvider> logger) : INodeProvider
{
    public const string ProviderName = "digitalocean";
    public const string HttpClientName = "FunctionsCloud.Providers.DigitalOcean";
    public const string TokenField = "token";
    private const string Label = "DigitalOcean";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly DigitalOceanOptions _options = options.Value;

    public string Name => ProviderName;

    public bool NeedsAccount => true;

    public async Task ValidateAccountAsync(ProviderAccount account, CancellationToken cancellationToken) =>
        await Open(account).CheckAccountAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<NodeCreationResult>> CreateNodesAsync(NodeCreationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Nodes.Count == 0)
        {
            return [];
        }

        var api = Open(request.Account);
        var existing = await api.ListDropletsAsync(DropletTags.Cluster(request.ClusterUuid), cancellationToken).ConfigureAwait(false);
        var creation = new BatchedNodeCreation<Droplet>(droplet => droplet.Name, (batch, ct) => api.CreateDropletsAsync(Batch(request, batch), ct), logger);
        var outcomes = await creation.RunAsync(request.Nodes, node => NodeHostname.For(request, node), existing, _options.EffectiveBatchSize, cancellationToken)
            .ConfigureAwait(false);

        var results = new List<NodeCreationResult>(outcomes.Count);
        foreach (var (node, droplet, error) in outcomes)
        {
            results.Add(droplet is null
                ? NodeCreationResult.Failed(node.NodeUuid, error!)
                : await CreatedAsync(api, request, node, droplet, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    public async Task<IReadOnlyList<NodeStatus>> DescribeNodesAsync(NodeDescriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var api = Open(request.Account);
        var clusterDroplets = request.ClusterUuid is { } cluster
            ? await api.ListDropletsAsync(DropletTags.Cluster(cluster), cancellationToken).ConfigureAwait(false)
            : [];

        var statuses = new List<NodeStatus>(request.Nodes.Count);
        foreach (var node in request.Nodes)
        {
            var droplet = Find(clusterDroplets, node) ?? await GetByIdAsync(api, node, cancellationToken).ConfigureAwait(false);
            statuses.Add(DropletState.Of(node.NodeUuid, droplet));
        }

        return statuses;
    }

    public async Task<IReadOnlyList<NodeTerminationResult>> TerminateNodesAsync(NodeTerminationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var api = Open(request.Account);
        if (request.ClusterUuid is not { } cluster)
        {
            return await DeleteEachAsync(api, request.Nodes, [], cancellationToken).ConfigureAwait(false);
        }

        var clusterTag = DropletTags.Cluster(cluster);
        var droplets = await api.ListDropletsAsync(clusterTag, cancellationToken).ConfigureAwait(false);
        var targets = request.Nodes.Select(node => Find(droplets, node)?.Id).OfType<long>().ToHashSet();
        if (droplets.Count == 0 || !droplets.All(droplet => targets.Contains(droplet.Id)))
        {
            return await DeleteEachAsync(api, request.Nodes, droplets, cancellationToken).ConfigureAwait(false);
        }

        // The request ends every droplet of the cluster: one call deletes them all by tag.
        await api.DeleteDropletsAsync(clusterTag, cancellationToken).ConfigureAwait(false);
        LogDeletedByTag(logger, cluster, droplets.Count);
        var untagged = request.Nodes.Where(node => Find(droplets, node) is null).ToList();
        var untaggedResults = await DeleteEachAsync(api, untagged, [], cancellationToken).ConfigureAwait(false);
        return request.Nodes.Select(node => untaggedResults.FirstOrDefault(r => r.NodeUuid == node.NodeUuid) ?? new NodeTerminationResult(node.NodeUuid, true)).ToList();
    }

    private DropletBatch Batch(NodeCreationRequest request, NodeToCreate[] nodes) => new(
        nodes.Select(node => NodeHostname.For(request, node)).ToList(),
        request.Region,
        request.NodeType,
        _options.Image,
        [.. _options.SshKeys],
        [DropletTags.Product, DropletTags.Cluster(request.ClusterUuid)],
        DropletUserData.For(nodes.Select(node => (NodeHostname.For(request, node), node.Bootstrap))));

    private async Task<NodeCreationResult> CreatedAsync(DigitalOceanApi api, NodeCreationRequest request, NodeToCreate node, Droplet droplet, CancellationToken cancellationToken)
    {
        await EnsureNodeTagAsync(api, node.NodeUuid, droplet, cancellationToken).ConfigureAwait(false);
        return NodeCreationResult.Created(node.NodeUuid, DropletState.ProviderId(droplet), request.Region, DropletState.PublicIpv4(droplet));
    }

    /// <summary>
    /// A batch shares its tags, so each droplet gets its node's tag in calls of its own (again on a replay if an
    /// earlier run stopped before it). The tag is a label: refused, it is logged and the node goes on.
    /// </summary>
    private async Task EnsureNodeTagAsync(DigitalOceanApi api, Guid nodeUuid, Droplet droplet, CancellationToken cancellationToken)
    {
        var tag = DropletTags.Node(nodeUuid);
        if (droplet.Tags?.Contains(tag) == true)
        {
            return;
        }

        try
        {
            await api.TagDropletAsync(tag, droplet.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderException ex) when (!ex.IsTransient)
        {
            LogTagRefused(logger, nodeUuid, droplet.Id, ex.Message);
        }
    }

    private async Task<List<NodeTerminationResult>> DeleteEachAsync(
        DigitalOceanApi api, IEnumerable<ProvisionedNode> nodes, IReadOnlyList<Droplet> known, CancellationToken cancellationToken)
    {
        var results = new List<NodeTerminationResult>();
        foreach (var node in nodes)
        {
            var id = Find(known, node)?.Id ?? NumericMachineId.Parse(node.ProviderId);
            results.Add(id is { } dropletId
                ? await DeleteOneAsync(api, node.NodeUuid, dropletId, cancellationToken).ConfigureAwait(false)
                : new NodeTerminationResult(node.NodeUuid, true)); // no droplet was ever made for it
        }

        return results;
    }

    private async Task<NodeTerminationResult> DeleteOneAsync(DigitalOceanApi api, Guid nodeUuid, long dropletId, CancellationToken cancellationToken)
    {
        try
        {
            await api.DeleteDropletAsync(dropletId, cancellationToken).ConfigureAwait(false);
            return new NodeTerminationResult(nodeUuid, true);
        }
        catch (ProviderException ex) when (!ex.IsTransient)
        {
            return new NodeTerminationResult(nodeUuid, false, ex.Message);
        }
    }

    private static async Task<Droplet?> GetByIdAsync(DigitalOceanApi api, ProvisionedNode node, CancellationToken cancellationToken) =>
        NumericMachineId.Parse(node.ProviderId) is { } id ? await api.GetDropletAsync(id, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>The node's droplet among those listed: by its recorded id, else by its node tag.</summary>
    private static Droplet? Find(IReadOnlyList<Droplet> droplets, ProvisionedNode node)
    {
        var id = NumericMachineId.Parse(node.ProviderId);
        var tag = DropletTags.Node(node.NodeUuid);
        return droplets.FirstOrDefault(droplet => id is { } known ? droplet.Id == known : droplet.Tags?.Contains(tag) == true);
    }

    private DigitalOceanApi Open(ProviderAccount? account)
    {
        var token = (account ?? throw new ProviderException($"{Label} needs a linked account.")).Require(TokenField);
        var settings = new ProviderHttpSettings(Label, Json, _options.Http, clock, logger);
        return new DigitalOceanApi(new ProviderHttpSession(clients.CreateClient(HttpClientName), new AuthenticationHeaderValue("Bearer", token), settings));
    }



    [LoggerMessage(Level = LogLevel.Warning, Message = "DigitalOcean node {NodeUuid}: droplet {DropletId} could not be tagged: {Reason}")]
    private static partial void LogTagRefused(ILogger logger, Guid nodeUuid, long dropletId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "DigitalOcean cluster {ClusterUuid}: deleted its {Count} droplets by tag")]
    private static partial void LogDeletedByTag(ILogger logger, Guid clusterUuid, int count);
}
