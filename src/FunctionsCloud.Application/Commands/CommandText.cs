using System.Buffers.Text;

namespace FunctionsCloud.Application.Commands;

/// <summary>
/// Queue bodies travel Base64 (the Functions host's messageEncoding) or as plain text; JSON is never valid Base64,
/// so a body that decodes is taken decoded and any other as it is.
/// </summary>
public static class CommandText
{
    public static BinaryData Decode(BinaryData raw)
    {
        var text = raw.ToString();
        return text.Length > 0 && Base64.IsValid(text) ? BinaryData.FromBytes(Convert.FromBase64String(text)) : raw;
    }
}
