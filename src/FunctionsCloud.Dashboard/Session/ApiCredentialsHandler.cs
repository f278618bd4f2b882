using System.Net;

namespace FunctionsCloud.Dashboard.Session;

/// <summary>
/// Puts the signed-in user's credentials on every API request, brings the sign-in back when the API refuses them
/// (401), and tells <see cref="ConnectionStatus"/> whether the API could be reached.
/// </summary>
public sealed class ApiCredentialsHandler(SignInSession session, ConnectionStatus connection) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Without it a refused key would bring up the browser's own credentials dialog instead of the sign-in.
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        var credentials = session.Credentials;
        if (credentials is not null)
            request.Headers.Authorization = credentials.Header();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            connection.Lost();
            throw;
        }
        connection.Answered();
        if (response.StatusCode == HttpStatusCode.Unauthorized && credentials is not null && ReferenceEquals(credentials, session.Credentials))
            await session.SignOutAsync("The API refused your user or API key. Sign in again.");
        return response;
    }
}
