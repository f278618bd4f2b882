using System.Text;
using FunctionsCloud.Application.Commands;

namespace FunctionsCloud.LocalHost.Queues;

/// <summary>
/// Message bodies are Base64 on the wire, as the Functions host (messageEncoding "base64") reads and writes them.
/// A body that is not Base64 is taken as plain text rather than failed, to be forgiving of hand-written messages.
/// </summary>
public static class QueueMessageBody
{
    public static BinaryData Decode(BinaryData raw) => CommandText.Decode(raw);

    public static string Encode(BinaryData body) => Convert.ToBase64String(body.ToMemory().Span);

    public static string Encode(string body) => Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
}
