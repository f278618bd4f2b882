using System.Globalization;

namespace FunctionsCloud.Storage.Liveness;

/// <summary>
/// Row keys of the liveness table. A node's pointer row is <c>node|{namespace}|{uuid}</c>; its due row is
/// <c>due|{deadline ticks, 19 digits}|{namespace}|{uuid}</c>, so that a range query on one shard's
/// <c>due|</c> rows up to now returns exactly the nodes whose deadline has passed, oldest first.
/// </summary>
internal static class LivenessKeys
{
    public const string DuePrefix = "due|";
    private const int TicksDigits = 19;
    private const int UuidLength = 36;

    public static string Pointer(string @namespace, Guid nodeUuid) => $"node|{@namespace}|{nodeUuid:D}";

    public static string Due(long deadlineTicks, string @namespace, Guid nodeUuid) =>
        $"{DuePrefix}{deadlineTicks.ToString("D19", CultureInfo.InvariantCulture)}|{@namespace}|{nodeUuid:D}";

    /// <summary>The first due key after every deadline up to and including <paramref name="until"/>.</summary>
    public static string DueAfter(DateTimeOffset until) => $"{DuePrefix}{(until.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture)}";

    /// <summary>Reads a due key back; the namespace is what lies between the deadline and the uuid, whatever it holds.</summary>
    public static bool TryParseDue(string rowKey, out long deadlineTicks, out string @namespace, out Guid nodeUuid)
    {
        deadlineTicks = 0;
        @namespace = "";
        nodeUuid = Guid.Empty;
        var namespaceStart = DuePrefix.Length + TicksDigits + 1;
        if (!rowKey.StartsWith(DuePrefix, StringComparison.Ordinal) || rowKey.Length < namespaceStart + 1 + UuidLength + 1
            || !long.TryParse(rowKey.AsSpan(DuePrefix.Length, TicksDigits), NumberStyles.None, CultureInfo.InvariantCulture, out deadlineTicks)
            || !Guid.TryParseExact(rowKey.AsSpan(rowKey.Length - UuidLength), "D", out nodeUuid))
            return false;
        @namespace = rowKey[namespaceStart..(rowKey.Length - UuidLength - 1)];
        return true;
    }
}
