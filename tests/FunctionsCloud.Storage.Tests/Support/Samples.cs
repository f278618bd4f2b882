using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.Nodes;

namespace FunctionsCloud.Storage.Tests.Support;

/// <summary>Domain objects with every property set to something other than its default.</summary>
internal static class Samples
{
    public const string Namespace = "alice";

    /// <summary>Whole milliseconds, not in UTC: the table keeps the instant.</summary>
    public static DateTimeOffset At(int minute) => new(2025, 3, 4, 5, minute, 7, 890, TimeSpan.FromHours(2));

    public static NodeCluster Cluster(string @namespace = Namespace, string name = "web", Guid? uuid = null, NodeClusterState state = NodeClusterState.PartlyDeployed)
    {
        var cluster = new NodeCluster
        {
            Uuid = uuid ?? Guid.NewGuid(),
            Namespace = @namespace,
            Name = name,
            Nickname = "Web tier",
            Provider = "aws",
            Region = "us-east-1",
            NodeType = "t3.small",
            Disk = 80,
            TargetNumNodes = 3,
            Tags = ["web", "prod \"eu\""],
            ProviderOptions = """{"vpc":{"id":"vpc-1","subnets":["s-1"]}}""",
            CreatedDatetime = At(1),
            DeployedDatetime = At(2),
            DestroyedDatetime = At(3),
            ActiveAction = Guid.NewGuid(),
        };
        cluster.Restore(state);
        return cluster;
    }

    public static Node Node(string @namespace = Namespace, Guid? cluster = null, Guid? uuid = null)
    {
        var node = new Node
        {
            Uuid = uuid ?? Guid.NewGuid(),
            Namespace = @namespace,
            NodeCluster = cluster ?? Guid.NewGuid(),
            Provider = "aws",
            Region = "us-east-1",
            NodeType = "t3.small",
            AvailabilityZone = "us-east-1a",
            Nickname = "web-1",
            ExternalFqdn = "abc.node.example.com",
            PublicIp = "203.0.113.7",
            DockerVersion = "24.0.7",
            Cpu = 2,
            Memory = 4096,
            Disk = 80,
            CurrentNumContainers = 4,
            LastSeen = At(4),
            Tags = ["web", "region=us-east-1"],
            CreatedDatetime = At(1),
            DeployedDatetime = At(2),
            DestroyedDatetime = At(3),
            ProviderId = "i-0123456789abcdef0",
            LastError = "agent silent for 30 s",
            RegistrationWaiter = "provision-abc",
            CredentialVersion = 3,
            Registered = true,
            ActiveAction = Guid.Parse("5b0e7c8a-3d41-4f6e-9a2b-7c1d0e9f4a36"),
            HostKeyHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        };
        node.Restore(NodeState.Unreachable);
        return node;
    }

    public static ActionRecord Action(string @namespace = Namespace, Guid? uuid = null, string? objectUri = null, string path = "/api/infra/v1/nodecluster/")
    {
        var id = uuid ?? Guid.NewGuid();
        var action = new ActionRecord
        {
            Uuid = id,
            Namespace = @namespace,
            Object = objectUri ?? $"/api/infra/v1/nodecluster/{id:D}/",
            Action = "Cluster Create",
            Method = "POST",
            Path = path,
            User = "alice",
            ApiKeyLabel = "ci-pipeline",
            Ip = "198.51.100.4",
            UserAgent = "docker-cloud-cli/1.0.9",
            Location = "Berlin, DE",
            Body = "{\"target_num_nodes\":3,\"password\":\"[removed]\"}",
            StartDate = At(1),
            EndDate = At(2),
            IsUserAction = true,
            CanBeCanceled = true,
            CanBeRetried = true,
            ReplyTo = "pipeline-replies",
            CommandId = "build-42",
            Predecessor = Guid.Parse("1f6a2c4e-8b3d-4e5f-9a7b-0c1d2e3f4a5b"),
        };
        action.Restore(ActionState.InProgress, "", ["c0ffee00deadbeef"]);
        action.AppendLog(At(1), "Creating 3 nodes");
        return action;
    }
}
