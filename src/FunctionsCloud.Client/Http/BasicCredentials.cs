using System.Net.Http.Headers;
using System.Text;

namespace FunctionsCloud.Client.Http;

/// <summary>Docker Cloud's <c>Authorization: Basic base64(user:apikey)</c>.</summary>
public sealed record BasicCredentials(string User, string ApiKey)
{
    public AuthenticationHeaderValue Header() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{ApiKey}")));

    /// <summary>Never the key: credentials end up in debug output and exception messages.</summary>
    public override string ToString() => $"{User}:***";
}
