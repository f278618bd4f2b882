using System.Text;

namespace FunctionsCloud.Application.Triggers;

/// <summary>Reads a call's body, any content, as the text its containers get; stops as soon as it is too large.</summary>
public static class TriggerBodyReader
{
    public static async Task<string> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new TriggerBodyTooLargeException(maxBytes);
            buffer.Write(chunk, 0, read);
        }

        // Environment variables are text: bytes that are not UTF-8 become U+FFFD.
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
