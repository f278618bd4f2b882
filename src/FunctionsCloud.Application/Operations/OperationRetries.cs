using Microsoft.DurableTask;

namespace FunctionsCloud.Application.Operations;

/// <summary>How the operations' orchestrations retry their activities.</summary>
public static class OperationRetries
{
    /// <summary>A step: a few tries, then the operation settles with the reason.</summary>
    public static readonly TaskOptions Step = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    /// <summary>
    /// Settling (Complete) frees the resource's operation slot: it is tried for about an hour before the orchestration
    /// gives up, so that a storage outage does not leave the resource held by an operation that has ended.
    /// </summary>
    public static readonly TaskOptions Settle = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 64, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <summary>A system operation's try to take its service's slot.</summary>
    public static readonly TaskOptions TryStart = Step;
}
