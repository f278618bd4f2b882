namespace FunctionsCloud.Domain.Liveness;

/// <summary>What becomes of a node whose liveness deadline has passed.</summary>
public enum LivenessVerdict
{
    /// <summary>It answered meanwhile: nothing to do.</summary>
    Alive,
    /// <summary>Silent for unreachable_after: it becomes Unreachable.</summary>
    Silent,
    /// <summary>Silent for lost_after: it is Unreachable and handed to the lost-node handling.</summary>
    Lost,
    /// <summary>It is terminated or gone: its liveness records are removed.</summary>
    Forget,
}
