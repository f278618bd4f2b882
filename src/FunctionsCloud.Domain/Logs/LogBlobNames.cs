using System.Globalization;

namespace FunctionsCloud.Domain.Logs;

/// <summary>
/// Where container output is kept: one blob container per node (so that a credential scoped to that container reaches
/// that node's logs and nothing else), and in it an append blob per container and segment:
/// <c>logs-&lt;node&gt;/&lt;container&gt;/&lt;segment&gt;.log</c>, uuids as 32 hex digits, segments numbered from 1 in 10 digits.
/// </summary>
public static class LogBlobNames
{
    public const string ContainerPrefix = "logs-";
    private const string Extension = ".log";

    public static string ContainerOf(Guid nodeUuid) => ContainerPrefix + nodeUuid.ToString("N", CultureInfo.InvariantCulture);

    public static string PrefixOf(Guid containerUuid) => containerUuid.ToString("N", CultureInfo.InvariantCulture) + "/";

    public static string Segment(Guid containerUuid, long segment) =>
        PrefixOf(containerUuid) + segment.ToString("D10", CultureInfo.InvariantCulture) + Extension;

    /// <summary>The segment number of a blob named by <see cref="Segment"/>; null for any other name.</summary>
    public static long? SegmentOf(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var slash = blobName.LastIndexOf('/');
        var file = blobName[(slash + 1)..];
        return file.EndsWith(Extension, StringComparison.Ordinal)
            && long.TryParse(file.AsSpan(0, file.Length - Extension.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : null;
    }
}
