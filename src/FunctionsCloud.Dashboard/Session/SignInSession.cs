using FunctionsCloud.Client.Http;
using Microsoft.JSInterop;

namespace FunctionsCloud.Dashboard.Session;

/// <summary>
/// Who is signed in. The user and API key live in this tab's session storage only (gone when the tab closes, never
/// in the URL, a cookie or a log); signing out forgets them.
/// </summary>
public sealed class SignInSession(IJSRuntime js)
{
    private const string UserKey = "functionscloud.user";
    private const string ApiKeyKey = "functionscloud.apikey";

    public BasicCredentials? Credentials { get; private set; }

    /// <summary>Why the sign-in is shown again (credentials refused), for the sign-in form to say.</summary>
    public string? Notice { get; private set; }

    public bool IsSignedIn => Credentials is not null;

    public event Action? Changed;

    public async Task RestoreAsync()
    {
        var user = await js.InvokeAsync<string?>("sessionStorage.getItem", UserKey);
        var key = await js.InvokeAsync<string?>("sessionStorage.getItem", ApiKeyKey);
        Credentials = string.IsNullOrEmpty(user) || string.IsNullOrEmpty(key) ? null : new BasicCredentials(user, key);
    }

    /// <summary>Uses the credentials for this request onwards; <see cref="KeepAsync"/> stores them once the API took them.</summary>
    public void Try(BasicCredentials credentials) => Credentials = credentials;

    public async Task KeepAsync()
    {
        if (Credentials is not { } credentials)
            return;
        await js.InvokeVoidAsync("sessionStorage.setItem", UserKey, credentials.User);
        await js.InvokeVoidAsync("sessionStorage.setItem", ApiKeyKey, credentials.ApiKey);
        Notice = null;
        Changed?.Invoke();
    }

    public async Task SignOutAsync(string? notice = null)
    {
        Credentials = null;
        Notice = notice;
        await js.InvokeVoidAsync("sessionStorage.removeItem", UserKey);
        await js.InvokeVoidAsync("sessionStorage.removeItem", ApiKeyKey);
        Changed?.Invoke();
    }
}
