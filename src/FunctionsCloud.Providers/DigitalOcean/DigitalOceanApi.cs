using System.Globalization;
using System.Net;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Http;

namespace FunctionsCloud.Providers.DigitalOcean;

/// <summary>The DigitalOcean v2 calls the provider makes, for one user's token. Refusals come back as <see cref="ProviderException"/>.</summary>
internal sealed class DigitalOceanApi(ProviderHttpSession session)
{
    private const string Droplets = "v2/droplets";
    private const int PageSize = 200; // the API's largest page

    public async Task CheckAccountAsync(CancellationToken cancellationToken) =>
        (await session.GetAsync("v2/account", cancellationToken).ConfigureAwait(false)).EnsureSuccess();

    /// <summary>Every droplet with the tag, following <c>links.pages.next</c> until <c>meta.total</c> are read.</summary>
    public async Task<IReadOnlyList<Droplet>> ListDropletsAsync(string tag, CancellationToken cancellationToken)
    {
        var droplets = new List<Droplet>();
        string? uri = $"{Droplets}?tag_name={Uri.EscapeDataString(tag)}&per_page={PageSize}";
        while (uri is not null)
        {
            var page = (await session.GetAsync(uri, cancellationToken).ConfigureAwait(false)).EnsureSuccess().Json<DropletPage>();
            droplets.AddRange(page.Droplets);
            var more = page.Droplets.Count > 0 && droplets.Count < (page.Meta?.Total ?? int.MaxValue);
            uri = more ? NextPage(page.Links) : null;
        }

        return droplets;
    }

    /// <summary>The droplet, or null when DigitalOcean knows no such id.</summary>
    public async Task<Droplet?> GetDropletAsync(long id, CancellationToken cancellationToken)
    {
        var response = await session.GetAsync($"{Droplets}/{Id(id)}", cancellationToken).ConfigureAwait(false);
        return response.Status == HttpStatusCode.NotFound ? null : response.EnsureSuccess().Json<DropletEnvelope>().Droplet;
    }

    /// <summary>Creates up to ten droplets in one call; they are "new" and boot on their own.</summary>
    public async Task<IReadOnlyList<Droplet>> CreateDropletsAsync(DropletBatch batch, CancellationToken cancellationToken) =>
        (await session.PostAsync(Droplets, batch, cancellationToken).ConfigureAwait(false)).EnsureSuccess().Json<CreatedDroplets>().Droplets;

    /// <summary>Puts the tag on the droplet, making the tag first (tagging needs it to exist; remaking one is harmless).</summary>
    public async Task TagDropletAsync(string tag, long dropletId, CancellationToken cancellationToken)
    {
        var made = await session.PostAsync("v2/tags", new NewTag(tag), cancellationToken).ConfigureAwait(false);
        if (made.Status != HttpStatusCode.UnprocessableEntity)
        {
            made.EnsureSuccess();
        }

        var resources = new TagResources([new TaggedResource(Id(dropletId), "droplet")]);
        (await session.PostAsync($"v2/tags/{Uri.EscapeDataString(tag)}/resources", resources, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
    }

    /// <summary>Deletes the droplet; one already gone (404) counts as deleted.</summary>
    public async Task DeleteDropletAsync(long id, CancellationToken cancellationToken) =>
        EnsureDeleted(await session.DeleteAsync($"{Droplets}/{Id(id)}", cancellationToken).ConfigureAwait(false));

    /// <summary>Deletes every droplet with the tag in one call.</summary>
    public async Task DeleteDropletsAsync(string tag, CancellationToken cancellationToken) =>
        EnsureDeleted(await session.DeleteAsync($"{Droplets}?tag_name={Uri.EscapeDataString(tag)}", cancellationToken).ConfigureAwait(false));

    private static void EnsureDeleted(ProviderResponse response)
    {
        if (response.Status != HttpStatusCode.NotFound)
        {
            response.EnsureSuccess();
        }
    }

    // Only the next link's query is taken, on our own API address: the token never goes to a host a response names.
    private static string? NextPage(PageLinks? links) =>
        links?.Pages?.Next is { } next && Uri.TryCreate(next, UriKind.Absolute, out var url) ? Droplets + url.Query : null;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
