namespace FunctionsCloud.Application.Healing;

/// <summary>Function names of the retry of system operations that found their service busy.</summary>
public static class HealingNames
{
    public const string RetryOrchestrator = "SystemOperationWhenFree";
    public const string TryStart = "TryStartSystemOperation";
}
