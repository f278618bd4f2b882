using FunctionsCloud.Domain.Changes;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Services;

/// <summary>
/// A service's row: PartitionKey = namespace, RowKey = uuid; State, DeploymentStrategy, Autorestart and
/// Autodestroy by wire name; lists as JSON columns (RunCommand and Entrypoint unset when the image's own apply).
/// </summary>
internal sealed class ServiceEntity : OperatedRow<ServiceEntity, Service, ServiceState>, IStoredEntity<ServiceEntity, Service>
{
    public static string Resource => "service";

    public string Name { get; set; } = "";
    public string Nickname { get; set; } = "";
    public string ImageName { get; set; } = "";
    public int TargetNumContainers { get; set; }
    public string DeploymentStrategy { get; set; } = "";
    public string Tags { get; set; } = "[]";
    public string ContainerPorts { get; set; } = "[]";
    public string ContainerEnvvars { get; set; } = "[]";
    public string LinkedToService { get; set; } = "[]";
    public string? RunCommand { get; set; }
    public string? Entrypoint { get; set; }
    public string? WorkingDir { get; set; }
    public long? Memory { get; set; }
    public long? CpuShares { get; set; }
    public string Autorestart { get; set; } = "";
    public string Autodestroy { get; set; } = "";
    public bool Autoredeploy { get; set; }
    public bool SequentialDeployment { get; set; }
    public bool Privileged { get; set; }
    public string Net { get; set; } = "";
    public string Pid { get; set; } = "";
    public string Bindings { get; set; } = "[]";
    public bool FreshVolumes { get; set; }
    public string? TriggerBody { get; set; }
    public string? Stack { get; set; }
    public bool LeavingStack { get; set; }

    public static ServiceEntity From(Service service) => new ServiceEntity
    {
        Name = service.Name,
        Nickname = service.Nickname,
        ImageName = service.ImageName,
        TargetNumContainers = service.TargetNumContainers,
        DeploymentStrategy = ApiNames.Of(service.DeploymentStrategy),
        Tags = StoredValues.Of(service.Tags),
        ContainerPorts = StoredValues.Json(service.ContainerPorts, nameof(ContainerPorts)),
        ContainerEnvvars = StoredValues.Json(service.ContainerEnvvars, nameof(ContainerEnvvars)),
        LinkedToService = StoredValues.Json(service.LinkedToService, nameof(LinkedToService)),
        RunCommand = StoredValues.JsonOrNull(service.RunCommand, nameof(RunCommand)),
        Entrypoint = StoredValues.JsonOrNull(service.Entrypoint, nameof(Entrypoint)),
        WorkingDir = service.WorkingDir,
        Memory = service.Memory,
        CpuShares = service.CpuShares,
        Autorestart = ApiNames.Of(service.Autorestart),
        Autodestroy = ApiNames.Of(service.Autodestroy),
        Autoredeploy = service.Autoredeploy,
        SequentialDeployment = service.SequentialDeployment,
        Privileged = service.Privileged,
        Net = ApiNames.Of(service.Net),
        Pid = ApiNames.Of(service.Pid),
        Bindings = StoredValues.Json(service.Bindings, nameof(Bindings)),
        FreshVolumes = service.FreshVolumes,
        Stack = StoredValues.Of(service.StackUuid),
        LeavingStack = service.LeavingStack,
        TriggerBody = service.TriggerBody is { Length: > StoredValues.MaxStringLength }
            ? throw new ArgumentException($"A trigger body of {service.TriggerBody.Length} characters does not fit a table column.", nameof(service))
            : service.TriggerBody,
    }.WithLifecycleOf(service);

    public Service ToDomain() => Restored(new Service
    {
        Uuid = StoredUuid(),
        Namespace = PartitionKey,
        CreatedDatetime = StoredCreated(),
        Name = Name,
        Nickname = Nickname,
        ImageName = ImageName,
        TargetNumContainers = TargetNumContainers,
        DeploymentStrategy = ApiNames.Parse<DeploymentStrategy>(DeploymentStrategy),
        Tags = StoredValues.Tags(Tags),
        ContainerPorts = StoredValues.FromJson<ContainerPort[]>(ContainerPorts) ?? [],
        ContainerEnvvars = StoredValues.FromJson<EnvironmentVariable[]>(ContainerEnvvars) ?? [],
        LinkedToService = StoredValues.FromJson<ServiceLink[]>(LinkedToService) ?? [],
        RunCommand = StoredValues.FromJson<string[]>(RunCommand),
        Entrypoint = StoredValues.FromJson<string[]>(Entrypoint),
        WorkingDir = WorkingDir,
        Memory = Memory,
        CpuShares = CpuShares,
        Autorestart = ApiNames.Parse<Autorestart>(Autorestart),
        Autodestroy = ApiNames.Parse<Autodestroy>(Autodestroy),
        Autoredeploy = Autoredeploy,
        SequentialDeployment = SequentialDeployment,
        Privileged = Privileged,
        // Rows written before these fields existed hold none: the defaults.
        Net = Net.Length == 0 ? NetworkMode.Bridge : ApiNames.Parse<NetworkMode>(Net),
        Pid = Pid.Length == 0 ? PidMode.None : ApiNames.Parse<PidMode>(Pid),
        Bindings = StoredValues.FromJson<ServiceBinding[]>(Bindings) ?? [],
        FreshVolumes = FreshVolumes,
        TriggerBody = TriggerBody,
        StackUuid = StoredValues.GuidOrNull(Stack),
        LeavingStack = LeavingStack,
    });

    public static ChangeSubject? ChangeOf(Service service) => ChangeSubjects.Of(service);
}
