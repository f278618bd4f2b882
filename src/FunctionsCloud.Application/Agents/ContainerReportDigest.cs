using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Application.Agents;

/// <summary>
/// A short fingerprint of a container report, carried in the heartbeat lease: a heartbeat whose report has the
/// fingerprint of the last one applied is not applied again, so a steady node costs its heartbeat one write. The
/// node's generation is part of it: once an operation changed what the node runs (and bumped the generation), the
/// same report is applied once more, to the rows as they are now.
/// </summary>
public static class ContainerReportDigest
{
    private const int Bytes = 16;

    /// <summary>The same for the same containers in any order.</summary>
    public static string Of(int generation, IReadOnlyList<ReportedContainer> report)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> prefix = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, generation);
        hash.AppendData(prefix);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(report.OrderBy(c => c.Uuid).ToList()));
        return Base64Url.EncodeToString(hash.GetHashAndReset().AsSpan(0, Bytes));
    }
}
