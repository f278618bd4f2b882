using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Triggers;

/// <summary>What calling a trigger's URL does to its service, by Docker Cloud's wire names.</summary>
public enum TriggerOperation
{
    [ApiName("REDEPLOY")] Redeploy,

    /// <summary>Raises the target by one, or by the step the call names.</summary>
    [ApiName("SCALEUP")] ScaleUp,
}
