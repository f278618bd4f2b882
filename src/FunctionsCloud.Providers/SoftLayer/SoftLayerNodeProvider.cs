using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Providers.SoftLayer;

/// <summary>
/// The <c>softlayer</c> provider (IBM Cloud classic), on the SoftLayer REST API with the user's username and API key.
/// Virtual guests are ordered hourly through createObjects, each with its own node's cloud-init user data and a
/// hostname derived from its node (<see cref="NodeHostname"/>). Creation first looks the hostnames up in the account
/// and orders only the missing ones, so a retried or replayed activity orders nothing new. Calls return once
/// SoftLayer accepts the order; provisioning is watched through <see cref="DescribeNodesAsync"/>.
/// </summary>
public sealed class SoftLayerNodeProvider(
    IHttpClientFactory clients,
    IOptions<SoftLayerOptions> options,
    IProviderClock clock,
    ILogger<SoftLayerNodeProvider> logger) : INodeProvider
{
    public const string ProviderName = "softlayer";
    public const string HttpClientName = "FunctionsCloud.Providers.SoftLayer";
    public const string UsernameField = "username";
    public const string ApiKeyField = "api_key";
    private const string Label = "SoftLayer";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly SoftLayerOptions _options = options.Value;

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

        SoftLayerFlavor flavor;
        try
        {
            flavor = SoftLayerFlavor.Parse(request.NodeType);
        }
        catch (ProviderException ex)
        {
            return request.Nodes.Select(node => NodeCreationResult.Failed(node.NodeUuid, ex.Message)).ToList();
        }

        var api = Open(request.Account);
        var hostnames = request.Nodes.Select(node => NodeHostname.For(request, node)).ToList();
        var existing = await api.ListGuestsAsync(hostnames, _options.Domain, cancellationToken).ConfigureAwait(false);
        var creation = new BatchedNodeCreation<VirtualGuest>(
            guest => guest.Hostname,
            (batch, ct) => api.CreateGuestsAsync(batch.Select(node => Template(request, flavor, node)).ToList(), ct),
            logger);
        var outcomes = await creation.RunAsync(request.Nodes, node => NodeHostname.For(request, node), existing, _options.EffectiveBatchSize, cancellationToken)
            .ConfigureAwait(false);
        return outcomes.Select(outcome => outcome.Machine is { } guest
            ? NodeCreationResult.Created(outcome.Node.NodeUuid, GuestState.ProviderId(guest), request.Region, guest.PrimaryIpAddress)
            : NodeCreationResult.Failed(outcome.Node.NodeUuid, outcome.Error!)).ToList();
    }

    public async Task<IReadOnlyList<NodeStatus>> DescribeNodesAsync(NodeDescriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var api = Open(request.Account);
        var statuses = new List<NodeStatus>(request.Nodes.Count);
        foreach (var node in request.Nodes)
        {
            var guest = NumericMachineId.Parse(node.ProviderId) is { } id ? await api.GetGuestAsync(id, cancellationToken).ConfigureAwait(false) : null;
            statuses.Add(GuestState.Of(node.NodeUuid, guest));
        }

        return statuses;
    }

    public async Task<IReadOnlyList<NodeTerminationResult>> TerminateNodesAsync(NodeTerminationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var api = Open(request.Account);
        var results = new List<NodeTerminationResult>(request.Nodes.Count);
        foreach (var node in request.Nodes)
        {
            results.Add(NumericMachineId.Parse(node.ProviderId) is { } id
                ? await CancelAsync(api, node.NodeUuid, id, cancellationToken).ConfigureAwait(false)
                : new NodeTerminationResult(node.NodeUuid, true)); // no guest was ever ordered for it
        }

        return results;
    }

    private static async Task<NodeTerminationResult> CancelAsync(SoftLayerApi api, Guid nodeUuid, long guestId, CancellationToken cancellationToken)
    {
        try
        {
            await api.CancelGuestAsync(guestId, cancellationToken).ConfigureAwait(false);
            return new NodeTerminationResult(nodeUuid, true);
        }
        catch (ProviderException ex) when (!ex.IsTransient)
        {
            return new NodeTerminationResult(nodeUuid, false, ex.Message);
        }
    }

    private GuestTemplate Template(NodeCreationRequest request, SoftLayerFlavor flavor, NodeToCreate node) => new(
        NodeHostname.For(request, node),
        _options.Domain,
        flavor.Cpus,
        flavor.MemoryMb,
        HourlyBillingFlag: true,
        LocalDiskFlag: false,
        new NamedObject(request.Region),
        _options.OperatingSystem,
        [new BlockDevice("0", new DiskImage(flavor.DiskGb))],
        [new UserDataValue(CloudInit.UserData(node.Bootstrap))]);

    private SoftLayerApi Open(ProviderAccount? account)
    {
        var known = account ?? throw new ProviderException($"{Label} needs a linked account.");
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{known.Require(UsernameField)}:{known.Require(ApiKeyField)}"));
        var settings = new ProviderHttpSettings(Label, Json, _options.Http, clock, logger);
        return new SoftLayerApi(new ProviderHttpSession(clients.CreateClient(HttpClientName), new AuthenticationHeaderValue("Basic", credentials), settings));
    }
}
