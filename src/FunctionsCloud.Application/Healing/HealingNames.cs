namespace FunctionsCloud.Application.Healing;

/// <summary>Function names of the reschedule retry.</summary>
public static class HealingNames
{
    public const string RetryOrchestrator = "RescheduleWhenFree";
    public const string TryStart = "TryStartReschedule";
}
