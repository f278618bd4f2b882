using System.Globalization;
using System.Net;
using System.Text.Json;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Http;

namespace FunctionsCloud.Providers.SoftLayer;

/// <summary>
/// The SoftLayer REST calls the provider makes, for one user's API key. SoftLayer answers its own exceptions as
/// <c>{"error", "code"}</c>, mostly with HTTP 500: those are its verdicts, not outages, so they are permanent;
/// throttling, 502-504 and a 500 without SoftLayer's body are transient.
/// </summary>
internal sealed class SoftLayerApi(ProviderHttpSession session)
{
    public const string TotalItemsHeader = "softlayer-total-items";
    private const string Guest = "SoftLayer_Virtual_Guest";
    private const string GuestMask = "mask[id,hostname,domain,provisionDate,primaryIpAddress,activeTransaction[id]]";
    private const int PageSize = 50;

    public async Task CheckAccountAsync(CancellationToken cancellationToken) =>
        Ensure(await session.GetAsync("SoftLayer_Account/getCurrentUser.json?objectMask=mask[id]", cancellationToken).ConfigureAwait(false));

    /// <summary>The account's guests with these hostnames in the domain, page by page (resultLimit=offset,limit) up to softlayer-total-items.</summary>
    public async Task<IReadOnlyList<VirtualGuest>> ListGuestsAsync(IReadOnlyCollection<string> hostnames, string domain, CancellationToken cancellationToken)
    {
        var query = $"objectMask={Uri.EscapeDataString(GuestMask)}&objectFilter={Uri.EscapeDataString(HostnameFilter(hostnames, domain))}";
        var guests = new List<VirtualGuest>();
        while (true)
        {
            var uri = $"SoftLayer_Account/getVirtualGuests.json?{query}&resultLimit={guests.Count},{PageSize}";
            var response = Ensure(await session.GetAsync(uri, cancellationToken).ConfigureAwait(false));
            var page = response.Json<List<VirtualGuest>>();
            guests.AddRange(page);
            var done = TotalItems(response) is { } total ? guests.Count >= total : page.Count < PageSize;
            if (page.Count == 0 || done)
            {
                return guests;
            }
        }
    }

    /// <summary>Orders the guests in one createObjects call; SoftLayer answers them with their ids, provisioning on its own.</summary>
    public async Task<IReadOnlyList<VirtualGuest>> CreateGuestsAsync(IReadOnlyList<GuestTemplate> templates, CancellationToken cancellationToken) =>
        Ensure(await session.PostAsync($"{Guest}/createObjects.json", new MethodParameters([templates]), cancellationToken).ConfigureAwait(false))
            .Json<List<VirtualGuest>>();

    /// <summary>The guest, or null when SoftLayer knows no such id.</summary>
    public async Task<VirtualGuest?> GetGuestAsync(long id, CancellationToken cancellationToken)
    {
        var response = await session.GetAsync($"{Guest}/{Id(id)}/getObject.json?objectMask={Uri.EscapeDataString(GuestMask)}", cancellationToken)
            .ConfigureAwait(false);
        return IsNotFound(response) ? null : Ensure(response).Json<VirtualGuest>();
    }

    /// <summary>Cancels the guest at once (DELETE is deleteObject); one already gone counts as cancelled.</summary>
    public async Task CancelGuestAsync(long id, CancellationToken cancellationToken)
    {
        var response = await session.DeleteAsync($"{Guest}/{Id(id)}.json", cancellationToken).ConfigureAwait(false);
        if (!IsNotFound(response))
        {
            Ensure(response);
        }
    }

    private static ProviderResponse Ensure(ProviderResponse response) =>
        response.IsSuccess ? response : throw response.ToException(IsTransient(response));

    private static bool IsTransient(ProviderResponse response) =>
        response.Status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
        || (response.Status == HttpStatusCode.InternalServerError && !response.Error.FromProvider);

    private static bool IsNotFound(ProviderResponse response) =>
        response.Status == HttpStatusCode.NotFound || response.Error.Code is "SoftLayer_Exception_ObjectNotFound";

    private static long? TotalItems(ProviderResponse response) =>
        long.TryParse(response.Header(TotalItemsHeader), NumberStyles.Integer, CultureInfo.InvariantCulture, out var total) ? total : null;

    /// <summary>objectFilter: <c>{"virtualGuests": {"hostname": {"operation": "in", "options": [{"name": "data", "value": [...]}]}, "domain": {"operation": "..."}}}</c>.</summary>
    private static string HostnameFilter(IReadOnlyCollection<string> hostnames, string domain) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["virtualGuests"] = new Dictionary<string, object>
            {
                ["hostname"] = new { operation = "in", options = new[] { new { name = "data", value = hostnames } } },
                ["domain"] = new { operation = domain },
            },
        });

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
