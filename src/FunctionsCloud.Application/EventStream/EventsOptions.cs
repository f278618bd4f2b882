namespace FunctionsCloud.Application.EventStream;

/// <summary>Settings of the event stream, under <c>FunctionsCloud:Events</c> (README, Settings).</summary>
public sealed class EventsOptions
{
    public const string Section = "FunctionsCloud:Events";

    /// <summary>Changes logged longer ago than this are deleted by the hourly <c>EventRetentionSweep</c>.</summary>
    public int RetentionDays { get; set; } = 7;
}
