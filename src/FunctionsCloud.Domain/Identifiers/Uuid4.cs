namespace FunctionsCloud.Domain.Identifiers;

/// <summary>
/// Docker Cloud clients tell a uuid from a name by the UUID v4 form. Orchestrations make ids
/// deterministically (name-based, v5); this stamps the v4 version and variant bits onto such an id.
/// </summary>
public static class Uuid4
{
    public static Guid From(Guid source)
    {
        Span<byte> bytes = stackalloc byte[16];
        source.TryWriteBytes(bytes, bigEndian: true, out _);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static bool IsUuid4(string value) =>
        Guid.TryParseExact(value, "D", out var guid) && value == value.ToLowerInvariant() && guid.Version == 4 && (guid.Variant & 0xC) == 0x8;
}
