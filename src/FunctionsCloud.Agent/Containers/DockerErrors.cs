using System.Text.Json;
using Docker.DotNet;

namespace FunctionsCloud.Agent.Containers;

/// <summary>A failure as one readable sentence: the engine's own message when it sent one, else the exception's.</summary>
public static class DockerErrors
{
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is DockerApiException api && EngineMessage(api.ResponseBody) is { } message)
        {
            return message;
        }

        return exception.GetBaseException().Message;
    }

    private static string? EngineMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String ? message.GetString() : body.Trim();
        }
        catch (JsonException)
        {
            return body.Trim();
        }
    }
}
