using FunctionsCloud.Client.Http;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Client.Operations;

/// <summary>A namespace's account with a cloud provider: linked with credentials that are checked, then never shown.</summary>
public sealed class ProviderAccountClient(ApiConnection connection)
{
    public static string PathOf(string provider) => $"/api/infra/v1/provider/{Uri.EscapeDataString(provider)}/account/";

    public Task<ProviderAccount> GetAsync(string provider, CancellationToken cancellationToken = default) =>
        connection.GetAsync(PathOf(provider), ClientJson.Default.ProviderAccount, cancellationToken);

    /// <param name="fields">The provider's credential fields, e.g. <c>token</c> for DigitalOcean.</param>
    public async Task<ProviderAccount> LinkAsync(string provider, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default) =>
        (await connection.SendAsync(HttpMethod.Put, PathOf(provider),
            ApiConnection.Json(new Dictionary<string, string>(fields), ClientJson.Default.DictionaryStringString),
            ClientJson.Default.ProviderAccount, cancellationToken)).Object;

    public async Task<ProviderAccount> UnlinkAsync(string provider, CancellationToken cancellationToken = default) =>
        (await connection.SendAsync(HttpMethod.Delete, PathOf(provider), null, ClientJson.Default.ProviderAccount, cancellationToken)).Object;
}
