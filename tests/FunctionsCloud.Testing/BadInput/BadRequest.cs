using System.Text;

namespace FunctionsCloud.Testing.BadInput;

/// <summary>One generated request, as it goes on the wire.</summary>
public sealed record BadRequest(HttpRoute Route, string PathAndQuery, string? Authorization, string? ContentType, byte[]? Body)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Route.Method, PathAndQuery);
        if (Authorization is not null)
            message.Headers.TryAddWithoutValidation("Authorization", Authorization);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        return message;
    }

    /// <summary>What to paste into curl to see it again (long values cut).</summary>
    public override string ToString()
    {
        var body = Body is null ? "(no body)" : Encoding.UTF8.GetString(Body);
        return $"{Route.Method} {Cut(PathAndQuery)} [{Route.Function}] Authorization: {Cut(Authorization ?? "(none)")} " +
               $"Content-Type: {ContentType ?? "(none)"} Body: {Cut(body)}";
    }

    private static string Cut(string text) => text.Length <= 300 ? text : $"{text[..300]}... ({text.Length} characters)";
}
