using FunctionsCloud.Client.Http;

namespace FunctionsCloud.Dashboard.Session;

/// <summary>
/// Runs what the user asked for against the API. A refusal is said in words in the message area (and handed to
/// <c>refused</c>, for a form to show at its fields); a lost connection says that nothing was changed; a refused
/// key is left to <see cref="ApiCredentialsHandler"/>, which brings the sign-in back.
/// </summary>
public sealed class UserOperation(MessageArea messages)
{
    /// <returns>Whether the operation went through.</returns>
    public async Task<bool> RunAsync(Func<Task> operation, Action<ApiException>? refused = null)
    {
        try
        {
            await operation();
            return true;
        }
        catch (ApiException e) when (!e.IsUnauthorized)
        {
            refused?.Invoke(e);
            messages.Error(e);
        }
        catch (ApiException)
        {
            // The sign-in is back.
        }
        catch (HttpRequestException)
        {
            messages.Error("The API cannot be reached; nothing was changed. Try again in a moment.");
        }
        return false;
    }
}
