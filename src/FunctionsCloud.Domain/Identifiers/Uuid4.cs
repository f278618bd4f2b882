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

    /// <summary>
    /// A random id in v4 form for objects listed newest first (actions, events): random from its first character,
    /// since clients show and resolve the first 8 as a short id, and its last 48 bits count down with time, so that
    /// <see cref="NewestFirstKey"/> can sort by it without a lookup. 74 random bits.
    /// </summary>
    public static Guid NewestFirst(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        WriteCountdown(bytes, now);
        return From(new Guid(bytes, bigEndian: true));
    }

    /// <summary>
    /// A <see cref="NewestFirst"/> id made from a name instead of chance: the same name and time give the same id, so
    /// that a step run again finds what it made the first time. Its first 74 bits come from the name's SHA-256.
    /// </summary>
    public static Guid NewestFirstNamed(string name, DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name), bytes);
        WriteCountdown(bytes, at);
        return From(new Guid(bytes[..16], bigEndian: true));
    }

    /// <summary>The time a <see cref="NewestFirst"/> id was made for (to the millisecond).</summary>
    public static DateTimeOffset TimeOf(Guid newestFirst)
    {
        Span<byte> bytes = stackalloc byte[16];
        newestFirst.TryWriteBytes(bytes, bigEndian: true, out _);
        var countdown = 0L;
        for (var i = 0; i < 6; i++)
            countdown = (countdown << 8) | bytes[10 + i];
        return DateTimeOffset.FromUnixTimeMilliseconds(MaxMilliseconds - countdown);
    }

    private static void WriteCountdown(Span<byte> bytes, DateTimeOffset now)
    {
        var countdown = (ulong)(MaxMilliseconds - Math.Clamp(now.ToUnixTimeMilliseconds(), 0, MaxMilliseconds));
        for (var i = 0; i < 6; i++)
            bytes[10 + i] = (byte)(countdown >> (8 * (5 - i)));
    }

    /// <summary>
    /// The key that sorts <see cref="NewestFirst"/> ids newest first: the countdown (the id's last 12 hex digits)
    /// ahead of the whole id. Made from the id alone, so the id still finds its object directly.
    /// </summary>
    public static string NewestFirstKey(Guid id)
    {
        var text = id.ToString("D");
        return $"{text[^12..]}-{text}";
    }

    private const long MaxMilliseconds = (1L << 48) - 1;

    public static bool IsUuid4(string value) =>
        Guid.TryParseExact(value, "D", out var guid) && value == value.ToLowerInvariant() && guid.Version == 4 && (guid.Variant & 0xC) == 0x8;
}
