using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Domain.Triggers;

/// <summary>What a trigger may be and what a call may ask of it.</summary>
public static class TriggerRules
{
    /// <summary>The environment variable that carries the latest call's body into the service's new containers.</summary>
    public const string BodyVariable = "TRIGGER_BODY";

    /// <summary>What a trigger does when its operation is not given, as in Docker Cloud.</summary>
    public const TriggerOperation DefaultOperation = TriggerOperation.Redeploy;

    /// <summary>Null when the operation name is not given (the default) or one of REDEPLOY and SCALEUP (any case), else why not.</summary>
    public static string? OperationProblem(string? operation) =>
        operation is null || ApiNames.TryParse<TriggerOperation>(operation, out _) ? null
        : $"must be one of {string.Join(", ", ApiNames.All<TriggerOperation>())}.";

    /// <summary>SCALEUP is a manual scale: refused for the services that cannot be scaled by hand.</summary>
    public static string? ServiceProblem(TriggerOperation operation, DeploymentStrategy strategy) =>
        operation == TriggerOperation.ScaleUp ? ServiceRules.ManualScaleProblem(strategy) : null;

    /// <summary>Null when a call may raise a target of <paramref name="target"/> by <paramref name="steps"/>, else why not.</summary>
    public const string StepWithoutScaleUp = "a step can only be given to a SCALEUP trigger.";

    public static string? StepProblem(int steps, int target, int maxContainers) =>
        steps < 1 || steps > maxContainers ? $"must be between 1 and {maxContainers}, was {steps}."
        : target + steps > maxContainers ? $"would raise target_num_containers from {target} to {target + steps}, above the limit of {maxContainers}."
        : null;

    /// <summary>Names follow the other resources' rules; the operation is one of the two.</summary>
    public static Validator Check(Validator validator, string? name, string? operation)
    {
        validator.Name("name", name);
        if (OperationProblem(operation) is { } problem)
            validator.Add("operation", problem);
        return validator;
    }
}
