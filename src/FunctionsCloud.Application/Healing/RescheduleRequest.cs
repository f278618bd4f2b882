namespace FunctionsCloud.Application.Healing;

/// <summary>Move one service's containers off one lost node.</summary>
public sealed record RescheduleRequest(string Namespace, Guid ServiceUuid, Guid NodeUuid);
