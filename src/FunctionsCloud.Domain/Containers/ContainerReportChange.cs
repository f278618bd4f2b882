namespace FunctionsCloud.Domain.Containers;

/// <summary>
/// What one agent report changes in one container row, as <see cref="ContainerReports.Decide"/> found it; a null
/// part leaves that part of the row as it is.
/// </summary>
public sealed record ContainerReportChange
{
    public static readonly ContainerReportChange None = new();

    public ContainerObservation? Observed { get; init; }
    public ContainerState? State { get; init; }
    public ContainerDesire? Desired { get; init; }
    public ContainerExit? Exit { get; init; }
    public DateTimeOffset? StartedDatetime { get; init; }
    public DateTimeOffset? DestroyedDatetime { get; init; }

    /// <summary>Autodestroy terminates the container: whoever writes the change lowers its service's target by one.</summary>
    public bool Autodestroyed { get; init; }

    public bool IsNone => Observed is null && State is null && Desired is null && Exit is null;

    /// <summary>Whether the node's agent has something new to do (its desired containers changed).</summary>
    public bool ChangesDesire => Desired is not null;

    public void ApplyTo(Container row)
    {
        Observed?.ApplyTo(row);
        if (State is { } state)
            row.MoveTo(state);
        if (Desired is { } desired)
            row.Desired = desired;
        Exit?.ApplyTo(row);
        if (StartedDatetime is { } started)
            row.StartedDatetime = started;
        if (DestroyedDatetime is { } destroyed)
            row.DestroyedDatetime = destroyed;
    }
}
