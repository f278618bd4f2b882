using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FunctionsCloud.Functions.Dashboard;

/// <summary>
/// The stored form of a dashboard file to send: the Brotli (preferred) or gzip sibling that the publish wrote beside it
/// (<c>x.wasm.br</c>, <c>x.wasm.gz</c>) when the request's Accept-Encoding takes it, else the file itself.
/// </summary>
/// <param name="Stored">The file whose bytes are sent.</param>
/// <param name="Encoding">The Content-Encoding of those bytes; null for the file as it is.</param>
/// <param name="Varies">Whether a compressed form exists, so that the answer depends on Accept-Encoding.</param>
public sealed record PrecompressedFile(FileInfo Stored, string? Encoding, bool Varies)
{
    private static readonly (string Encoding, string Extension)[] Preferred = [("br", ".br"), ("gzip", ".gz")];

    public static PrecompressedFile Choose(FileInfo file, StringValues acceptEncoding)
    {
        var accepted = StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var parsed) ? parsed : [];
        var varies = false;
        foreach (var (encoding, extension) in Preferred)
        {
            var sibling = new FileInfo(file.FullName + extension);
            if (!sibling.Exists)
                continue;
            varies = true;
            if (Accepts(accepted, encoding))
                return new PrecompressedFile(sibling, encoding, Varies: true);
        }

        return new PrecompressedFile(file, null, varies);
    }

    /// <summary>A validator of the bytes sent: each stored form has its own, so that a cached gzip answer is never taken for the Brotli one.</summary>
    public EntityTagHeaderValue EntityTag =>
        new($"\"{Stored.Length:x}-{Stored.LastWriteTimeUtc.Ticks:x}{(Encoding is null ? "" : "-" + Encoding)}\"");

    // An encoding named outright decides (q=0 refuses it); else "*" does; else it is not taken.
    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string encoding)
    {
        var entry = accepted.FirstOrDefault(a => StringSegment.Equals(a.Value, encoding, StringComparison.OrdinalIgnoreCase))
            ?? accepted.FirstOrDefault(a => a.Value == "*");
        return entry is not null && (entry.Quality ?? 1) > 0;
    }
}
