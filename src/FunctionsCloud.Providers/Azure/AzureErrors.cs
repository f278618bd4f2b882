using System.Text.Json;
using Azure;
using Azure.Identity;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// What an ARM failure means here: gone (404), worth retrying (throttling, 5xx, a resource still busy), or permanent,
/// told to the user with ARM's own code and message. Messages come from ARM's error body, never from the request,
/// so no credential ends up in them.
/// </summary>
public static class AzureErrors
{
    // Conflicts that pass once Azure finishes what it is doing: a referenced resource still being made, a group being deleted.
    private static readonly HashSet<string> TransientCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "RetryableError", "ReferencedResourceNotProvisioned", "AnotherOperationInProgress", "ResourceGroupBeingDeleted",
        "OperationPreempted", "InternalServerError", "ServiceUnavailable", "TooManyRequests",
    };

    public static bool IsNotFound(RequestFailedException exception) => exception.Status == 404;

    /// <summary>Throttling, server errors and busy resources. The SDK already retried these; the activity's retry policy may try again.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500 || (failed.ErrorCode is { } code && TransientCodes.Contains(code)),
        HttpRequestException or TimeoutException => true,
        _ => false,
    };

    /// <summary>ARM's error as <c>Code: message</c>, or the first line of the exception's message.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        RequestFailedException failed => ArmError(failed) ?? FirstLine(failed.Message),
        // Entra ID's reason (AADSTS...) is the inner MSAL exception's message; the outer one only names the credential.
        AuthenticationFailedException or CredentialUnavailableException => $"Azure sign-in failed: {FirstLine((exception.InnerException ?? exception).Message)}",
        _ => FirstLine(exception.Message),
    };

    /// <summary>A <see cref="ProviderException"/> carrying ARM's message, transient when a retry may help.</summary>
    public static ProviderException ToProviderException(Exception exception, string? context = null)
    {
        var message = Describe(exception);
        return new ProviderException(context is null ? message : $"{context}: {message}", IsTransient(exception), exception);
    }

    /// <summary>Whether an exception is an Azure failure this provider reports (rather than a bug or a cancellation).</summary>
    public static bool IsAzureFailure(Exception exception) =>
        exception is RequestFailedException or AuthenticationFailedException or CredentialUnavailableException or HttpRequestException or TimeoutException;

    private static string? ArmError(RequestFailedException exception)
    {
        var content = exception.GetRawResponse()?.Content;
        if (content is null || content.ToMemory().IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content.ToMemory());
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error)
                ? Format(error)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The innermost detail is usually the telling one (e.g. a 429 RetryableError wrapping ReferencedResourceNotProvisioned).</summary>
    private static string? Format(JsonElement error)
    {
        if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array && details.GetArrayLength() > 0
            && Format(details[0]) is { } inner)
        {
            return inner;
        }

        var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
        var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
        return (code, message) switch
        {
            (null, null) => null,
            (null, _) => message,
            (_, null) => code,
            _ => $"{code}: {message}",
        };
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
