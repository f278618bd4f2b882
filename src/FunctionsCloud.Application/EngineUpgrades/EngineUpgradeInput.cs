namespace FunctionsCloud.Application.EngineUpgrades;

/// <summary>The orchestration's input; the orchestration instance is the action (one id names both).</summary>
public sealed record EngineUpgradeInput(string Namespace, Guid NodeUuid, Guid ActionUuid)
{
    public string InstanceId => InstanceIdOf(ActionUuid);

    public static string InstanceIdOf(Guid actionUuid) => actionUuid.ToString("D");
}
