namespace FunctionsCloud.Application.Logs;

/// <summary>Settings of container logs, under <c>FunctionsCloud:Logs</c> (README, Settings).</summary>
public sealed class LogsOptions
{
    public const string Section = "FunctionsCloud:Logs";

    /// <summary>How long an agent's log credential is valid; it is renewed with a heartbeat once half of it has passed.</summary>
    public int CredentialLifetimeMinutes { get; set; } = 60;

    /// <summary>A container's segment is closed and the next begun at this size.</summary>
    public long SegmentBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Segments kept per container (the newest); the agent deletes older ones, so a container keeps at most SegmentBytes times this.</summary>
    public int SegmentsKept { get; set; } = 4;

    /// <summary>Segments last written longer ago than this are deleted (by the lifecycle rule in Azure, by the sweep elsewhere).</summary>
    public int RetentionDays { get; set; } = 7;

    /// <summary>Whether the hourly timer <c>LogRetentionSweep</c> deletes old segments itself (off in Azure, where the lifecycle rule does).</summary>
    public bool RetentionSweep { get; set; } = true;

    /// <summary>The longest a <c>follow</c> request streams before it ends (the client then reconnects with Last-Event-ID).</summary>
    public int FollowMaxSeconds { get; set; } = 180;

    /// <summary>How often a <c>follow</c> request looks for new lines.</summary>
    public int FollowPollMilliseconds { get; set; } = 1000;

    /// <summary>The largest <c>tail</c> a request may ask for.</summary>
    public int MaxTail { get; set; } = 10_000;

    /// <summary>The <c>tail</c> of a container's or service's logs request that names none (Docker Cloud's clients expect one).</summary>
    public int DefaultTail { get; set; } = 300;

    /// <summary>The most bytes of stored log one read (or one poll of a follow stream) reads, over all the containers it reads.</summary>
    public long MaxReadBytes { get; set; } = 16 * 1024 * 1024;
}
