namespace FunctionsCloud.Client.Resources;

public sealed record Service(
    Guid Uuid,
    string ResourceUri,
    string ImageName,
    string Name,
    string Nickname,
    string State,
    IReadOnlyList<string> Containers,
    int TargetNumContainers,
    int CurrentNumContainers,
    int RunningNumContainers,
    int StoppedNumContainers,
    string DeploymentStrategy,
    IReadOnlyList<Tag> Tags,
    IReadOnlyList<ContainerPort> ContainerPorts,
    IReadOnlyList<EnvironmentVariable> ContainerEnvvars,
    IReadOnlyList<ServiceLink> LinkedToService,
    IReadOnlyDictionary<string, string> LinkVariables,
    string? RunCommand,
    string? Entrypoint,
    string Autorestart,
    string Autodestroy,
    bool SequentialDeployment,
    DateTimeOffset? DeployedDatetime,
    string? CurrentAction,
    int MaxNumContainers)
{
    public const string EveryNode = "EVERY_NODE";

    /// <summary>EVERY_NODE services follow the nodes; they cannot be scaled by hand.</summary>
    public bool CanScale => DeploymentStrategy != EveryNode;
}

public sealed record ContainerPort(string Protocol, int InnerPort, int? OuterPort, bool Published);

public sealed record EnvironmentVariable(string Key, string Value);

public sealed record ServiceLink(string Name, string ToService, string? FromService);
