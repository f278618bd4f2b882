using System.IO.Compression;
using System.Text;

namespace FunctionsCloud.Providers.Tests.Aws.Support;

/// <summary>Reads RunInstances user data back as cloud-init would: base64, then gzip when it starts with gzip's magic bytes.</summary>
public static class UserDataText
{
    public static byte[] Raw(string base64) => Convert.FromBase64String(base64);

    public static bool IsGzip(string base64) => Raw(base64) is [0x1f, 0x8b, ..];

    public static string Decode(string base64)
    {
        var bytes = Raw(base64);
        if (!IsGzip(base64))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
