using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// An OpenSSH <c>ssh-rsa</c> public key whose private half is never kept. Azure wants a key (or a password) on every
/// Linux VM; nodes need neither, since the agent only calls out, so by default no one can sign in at all.
/// </summary>
public static class ThrowawaySshKey
{
    private const string Algorithm = "ssh-rsa";

    public static string Create()
    {
        using var rsa = RSA.Create(3072);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        using var blob = new MemoryStream();
        WriteString(blob, System.Text.Encoding.ASCII.GetBytes(Algorithm));
        WriteMpint(blob, parameters.Exponent!);
        WriteMpint(blob, parameters.Modulus!);
        return $"{Algorithm} {Convert.ToBase64String(blob.ToArray())} functionscloud-no-login";
    }

    /// <summary>RFC 4251 string: a 4-byte big-endian length, then the bytes.</summary>
    private static void WriteString(Stream stream, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }

    /// <summary>RFC 4251 mpint: a positive number gets a leading zero byte when its top bit is set.</summary>
    private static void WriteMpint(Stream stream, byte[] magnitude)
    {
        var start = Array.FindIndex(magnitude, b => b != 0);
        ReadOnlySpan<byte> trimmed = start < 0 ? ReadOnlySpan<byte>.Empty : magnitude.AsSpan(start);
        if (trimmed.Length > 0 && (trimmed[0] & 0x80) != 0)
        {
            WriteString(stream, [0, .. trimmed]);
        }
        else
        {
            WriteString(stream, trimmed);
        }
    }
}
