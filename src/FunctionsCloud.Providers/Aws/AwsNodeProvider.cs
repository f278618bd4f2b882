using Amazon.Runtime;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Providers.Aws;

/// <summary>
/// The <c>aws</c> provider: EC2 instances through AWSSDK.EC2, with the user's access key. Creation launches each
/// zone's nodes with one idempotent RunInstances call (<see cref="AwsNodeLauncher"/>); description pages through
/// DescribeInstances by cluster tag; termination batches TerminateInstances (<see cref="AwsNodeTerminator"/>).
/// Throttling and transient failures are retried with backoff (<see cref="Ec2RetryPolicy"/>), then surface as transient
/// <see cref="ProviderException"/>s for the activity's retry policy; permanent ones fail the nodes with AWS's message.
/// </summary>
public sealed partial class AwsNodeProvider : INodeProvider, IDisposable
{
    public const string ProviderName = "aws";

    private readonly AwsProviderOptions _options;
    private readonly ILogger<AwsNodeProvider> _logger;
    private readonly Ec2ClientCache _clients;
    private readonly Ec2RetryPolicy _retry;

    public AwsNodeProvider(IOptions<AwsProviderOptions> options, ILogger<AwsNodeProvider> logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _clients = new Ec2ClientCache(_options);
        _retry = new Ec2RetryPolicy(_options, timeProvider ?? TimeProvider.System, logger);
    }

    public string Name => ProviderName;

    public bool NeedsAccount => true;

    /// <summary>DescribeRegions: the cheapest call that proves the key works (AuthFailure, UnauthorizedOperation otherwise).</summary>
    public async Task ValidateAccountAsync(ProviderAccount account, CancellationToken cancellationToken)
    {
        var ec2 = Session(AwsCredentials.From(account), _options.ValidationRegion);
        try
        {
            await ec2.DescribeRegionsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex)
        {
            throw new ProviderException(ec2.Credentials.Redact(Ec2Errors.Describe(ex)));
        }
    }

    public async Task<IReadOnlyList<NodeCreationResult>> CreateNodesAsync(NodeCreationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Nodes.Count == 0)
        {
            return [];
        }

        Ec2Session ec2;
        LaunchSettings settings;
        IReadOnlyList<LaunchTarget> targets;
        try
        {
            ec2 = Session(AwsCredentials.From(request.Account), request.Region);
            var clusterOptions = AwsClusterOptions.Parse(request.ProviderOptions);
            settings = Settings(request, clusterOptions);
            targets = LaunchTarget.For(request.Region, clusterOptions);
        }
        catch (ProviderException ex) when (!ex.IsTransient)
        {
            // The request itself cannot work (no account, bad provider_options, no image): every node fails with why.
            LogRequestRefused(_logger, request.ClusterUuid, ex.Message);
            return request.Nodes.Select(n => NodeCreationResult.Failed(n.NodeUuid, ex.Message)).ToList();
        }

        var launcher = new AwsNodeLauncher(ec2, settings, targets, _options.TaggingConcurrency, _logger);
        return await launcher.LaunchAsync(request.Nodes, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<NodeStatus>> DescribeNodesAsync(NodeDescriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Nodes.Count == 0)
        {
            return [];
        }

        var ec2 = Session(AwsCredentials.From(request.Account), request.Region);
        var instances = await DescribeAsync(ec2, request, cancellationToken).ConfigureAwait(false);
        var byId = instances.DistinctBy(i => i.InstanceId).ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
        var byNode = instances.Where(i => Ec2Tags.NodeOf(i) is not null).ToLookup(i => Ec2Tags.NodeOf(i)!.Value);
        return request.Nodes.Select(node => Ec2NodeStatuses.Of(node.NodeUuid, Ec2NodeStatuses.Pick(node, byId, byNode))).ToList();
    }

    public Task<IReadOnlyList<NodeTerminationResult>> TerminateNodesAsync(NodeTerminationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Nodes.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<NodeTerminationResult>>([]);
        }

        var ec2 = Session(AwsCredentials.From(request.Account), request.Region);
        return new AwsNodeTerminator(ec2, _logger).TerminateAsync(request.Nodes, cancellationToken);
    }

    public void Dispose() => _clients.Dispose();

    /// <summary>All the cluster's instances by its tag (one paged query), or, without a cluster, the recorded instances by id.</summary>
    private static Task<List<Amazon.EC2.Model.Instance>> DescribeAsync(Ec2Session ec2, NodeDescriptionRequest request, CancellationToken cancellationToken) =>
        request.ClusterUuid is { } cluster
            ? ec2.FindClusterInstancesAsync(cluster, cancellationToken)
            : ec2.FindInstancesByIdAsync(request.Nodes.Select(n => n.ProviderId).OfType<string>().Distinct(StringComparer.Ordinal), cancellationToken);

    private Ec2Session Session(AwsCredentials credentials, string region) =>
        new(_clients.For(credentials, region), credentials, _retry);

    private LaunchSettings Settings(NodeCreationRequest request, AwsClusterOptions clusterOptions)
    {
        if (!_options.ImageIds.TryGetValue(request.Region, out var imageId) || string.IsNullOrWhiteSpace(imageId))
        {
            throw new ProviderException(
                $"No machine image is configured for AWS region {request.Region}: set {AwsProviderOptions.SectionName}:ImageIds:{request.Region}.");
        }

        return new LaunchSettings(request.ClusterUuid, request.ClusterName, imageId, request.NodeType, request.DiskGb, clusterOptions,
            _options.RootDeviceName, _options.VolumeType);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWS nodes of cluster {ClusterUuid} cannot be created: {Reason}")]
    private static partial void LogRequestRefused(ILogger logger, Guid clusterUuid, string reason);
}
