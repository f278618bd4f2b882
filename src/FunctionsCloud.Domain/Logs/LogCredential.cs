using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Logs;

/// <summary>
/// What an agent writes its containers' output with: a URL of its node's log container with a SAS that reaches that
/// container only, until <paramref name="Expires"/> (epoch seconds), and the limits to keep to. Handed out with heartbeat answers,
/// renewed before it expires. A secret: never logged.
/// </summary>
/// <param name="SegmentBytes">A container's segment is closed and the next one begun once it holds this much.</param>
/// <param name="SegmentsKept">Segments kept per container; the oldest beyond them are deleted by the agent.</param>
public sealed record LogCredential(
    [property: JsonPropertyName("url")] Uri Url,
    [property: JsonPropertyName("expires")] long Expires,
    [property: JsonPropertyName("segment_bytes")] long SegmentBytes,
    [property: JsonPropertyName("segments_kept")] int SegmentsKept)
{
    /// <summary>The latest time a credential can expire, in epoch seconds (the end of year 9999).</summary>
    public const long MaxExpires = 253_402_300_799;

    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(Expires);

    public override string ToString() => $"log credential until {ExpiresAt:O}";
}
