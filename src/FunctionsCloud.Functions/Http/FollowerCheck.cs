using FunctionsCloud.Application.Authentication;
using Microsoft.AspNetCore.Http;

namespace FunctionsCloud.Functions.Http;

/// <summary>A follow stream's check of its caller: the key is looked up again (revoked or expired: it throws, and the stream ends).</summary>
public static class FollowerCheck
{
    public static Func<CancellationToken, Task> Of(HttpRequest request, ApiKeyAuthenticator authenticator)
    {
        var authorization = request.Headers.Authorization.FirstOrDefault();
        return token => authenticator.AuthenticateAsync(authorization, token);
    }
}
