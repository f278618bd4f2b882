using System.Text.Json.Serialization.Metadata;
using FunctionsCloud.Client.Http;

namespace FunctionsCloud.Client.Operations;

/// <summary>One kind of resource at its collection path: list, read, and the operations on an object's resource_uri.</summary>
public sealed class ResourceClient<T>(ApiConnection connection, string collection, JsonTypeInfo<T> item, JsonTypeInfo<ListPage<T>> page)
{
    public string Collection => collection;

    /// <param name="filters">Field filters, e.g. <c>state=Deployed</c> or <c>service=/api/app/v1/service/…/</c>.</param>
    public Task<ListPage<T>> ListAsync(IReadOnlyDictionary<string, string>? filters = null, int limit = 25, int offset = 0, CancellationToken cancellationToken = default) =>
        connection.GetAsync(QueryString.Append(collection, filters, limit, offset), page, cancellationToken);

    /// <summary>Every page, following <c>meta.next</c> as Docker Cloud's clients do.</summary>
    public async Task<IReadOnlyList<T>> ListAllAsync(IReadOnlyDictionary<string, string>? filters = null, CancellationToken cancellationToken = default)
    {
        const int limit = 100;
        var all = new List<T>();
        for (var offset = 0; ; offset += limit)
        {
            var current = await ListAsync(filters, limit, offset, cancellationToken);
            all.AddRange(current.Objects);
            if (string.IsNullOrEmpty(current.Meta.Next))
                return all;
        }
    }

    public Task<T> GetAsync(string resourceUri, CancellationToken cancellationToken = default) =>
        connection.GetAsync(resourceUri, item, cancellationToken);

    public Task<Accepted<T>> CreateAsync<TBody>(TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken = default) =>
        connection.SendAsync(HttpMethod.Post, collection, ApiConnection.Json(body, bodyType), item, cancellationToken);

    public Task<Accepted<T>> PatchAsync<TBody>(string resourceUri, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken = default) =>
        connection.SendAsync(HttpMethod.Patch, resourceUri, ApiConnection.Json(body, bodyType), item, cancellationToken);

    /// <summary>An operation at <c>&lt;resource_uri&gt;&lt;verb&gt;/</c>: deploy, start, stop, redeploy, health-check, cancel, retry.</summary>
    public Task<Accepted<T>> PostAsync(string resourceUri, string verb, CancellationToken cancellationToken = default) =>
        connection.SendAsync(HttpMethod.Post, $"{resourceUri.TrimEnd('/')}/{verb}/", ApiConnection.Json(new EmptyBody(), ClientJson.Default.EmptyBody), item, cancellationToken);

    /// <summary>Terminates (or, for what has no lifecycle, removes) the object.</summary>
    public Task<Accepted<T>> DeleteAsync(string resourceUri, CancellationToken cancellationToken = default) =>
        connection.SendAsync(HttpMethod.Delete, resourceUri, null, item, cancellationToken);
}
