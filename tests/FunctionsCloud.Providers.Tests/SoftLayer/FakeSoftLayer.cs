using System.Globalization;
using System.Text;
using System.Text.Json;
using FunctionsCloud.Providers.Tests.DigitalOcean;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FunctionsCloud.Providers.Tests.SoftLayer;

/// <summary>
/// SoftLayer's REST API (v3.1) as far as the provider uses it, on WireMock over loopback: virtual guests kept in
/// memory, objectFilter on hostname and domain, resultLimit paging with the softlayer-total-items header,
/// SoftLayer's <c>{"error", "code"}</c> errors, and failures to order.
/// </summary>
public sealed class FakeSoftLayer : IDisposable
{
    public const string Username = "sl-user";
    public const string ApiKey = "sl-api-key-7f3e9d1c";
    public const string Root = "/rest/v3.1";

    private readonly Lock _gate = new();
    private readonly List<FakeGuest> _guests = [];
    private readonly List<(string Method, int Status, (string Name, string Value)[] Headers)> _failures = [];
    private long _nextId = 140_000_000;

    public FakeSoftLayer()
    {
        Server = LoopbackWireMock.Start();
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(Handle));
    }

    public WireMockServer Server { get; }

    public string ApiUrl => Server.Url + Root + "/";

    /// <summary>At most this many guests per page, whatever resultLimit asks.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>A createObjects call whose hostnames this matches fails with SoftLayer_Exception_Public and this message.</summary>
    public Func<IReadOnlyList<string>, string?> RefuseCreate { get; set; } = _ => null;

    public IReadOnlyList<FakeGuest> Guests
    {
        get { lock (_gate) { return [.. _guests]; } }
    }

    public IReadOnlyList<IRequestMessage> Requests => [.. Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => e.RequestMessage)];

    public IReadOnlyList<IRequestMessage> RequestsTo(string method, string service) =>
        Requests.Where(r => r.Method == method && r.Path == $"{Root}/{service}").ToList();

    public FakeGuest Add(string hostname, string domain, bool provisioned)
    {
        lock (_gate)
        {
            var guest = new FakeGuest(_nextId++, hostname, domain) { Provisioned = provisioned };
            _guests.Add(guest);
            return guest;
        }
    }

    /// <summary>The next <paramref name="times"/> calls with this method answer this status, with SoftLayer's error body.</summary>
    public void FailNextOf(string method, int times, int status, params (string Name, string Value)[] headers)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _failures.Add((method, status, headers));
            }
        }
    }

    public void Dispose() => Server.Stop();

    public static string BasicCredentials(string username, string apiKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{apiKey}"));

    private IResponseMessage Handle(IRequestMessage request)
    {
        lock (_gate)
        {
            if (LoopbackWireMock.Header(request, "Authorization") != $"Basic {BasicCredentials(Username, ApiKey)}")
            {
                return Error(401, "Invalid API token.", "SoftLayer_Exception_InvalidLegacyToken");
            }

            var failure = _failures.FindIndex(f => f.Method == request.Method);
            if (failure >= 0)
            {
                var (_, status, headers) = _failures[failure];
                _failures.RemoveAt(failure);
                return LoopbackWireMock.Json(status, new { error = "Too many requests.", code = "SoftLayer_Exception_WebService_RateLimitExceeded" }, headers: headers.Select(h => KeyValuePair.Create(h.Name, h.Value)));
            }

            var query = QueryHelpers.ParseQuery(request.RawQuery);
            var path = request.Path.StartsWith(Root + "/", StringComparison.Ordinal) ? request.Path[(Root.Length + 1)..] : request.Path;
            var segments = path.Split('/');
            return (request.Method, segments) switch
            {
                ("GET", ["SoftLayer_Account", "getCurrentUser.json"]) => LoopbackWireMock.Json(200, new { id = 7, username = Username }),
                ("GET", ["SoftLayer_Account", "getVirtualGuests.json"]) => ListGuests(query),
                ("POST", ["SoftLayer_Virtual_Guest", "createObjects.json"]) => CreateGuests(JsonDocument.Parse(request.Body!).RootElement),
                ("GET", ["SoftLayer_Virtual_Guest", var id, "getObject.json"]) => GetGuest(long.Parse(id, CultureInfo.InvariantCulture)),
                ("DELETE", ["SoftLayer_Virtual_Guest", var file]) when file.EndsWith(".json", StringComparison.Ordinal) =>
                    DeleteGuest(long.Parse(file[..^".json".Length], CultureInfo.InvariantCulture)),
                _ => Error(404, $"Service does not exist: {path}", "SoftLayer_Exception_Public"),
            };
        }
    }

    private IResponseMessage ListGuests(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        var filter = JsonDocument.Parse(query["objectFilter"].ToString()).RootElement.GetProperty("virtualGuests");
        var hostnames = filter.GetProperty("hostname").GetProperty("options")[0].GetProperty("value").EnumerateArray().Select(v => v.GetString()).ToHashSet();
        var domain = filter.GetProperty("domain").GetProperty("operation").GetString();
        var limit = query["resultLimit"].ToString().Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        var matching = _guests.Where(g => hostnames.Contains(g.Hostname) && g.Domain == domain).ToList();
        var page = matching.Skip(limit[0]).Take(Math.Min(limit[1], MaxPageSize)).Select(g => g.ToJson()).ToList();
        return LoopbackWireMock.Json(200, page, headers: [KeyValuePair.Create("softlayer-total-items", matching.Count.ToString(CultureInfo.InvariantCulture))]);
    }

    private IResponseMessage CreateGuests(JsonElement body)
    {
        var templates = body.GetProperty("parameters")[0].EnumerateArray().ToList();
        var hostnames = templates.Select(t => t.GetProperty("hostname").GetString()!).ToList();
        if (RefuseCreate(hostnames) is { } reason)
        {
            return Error(500, reason, "SoftLayer_Exception_Public");
        }

        var created = templates.Select(t =>
        {
            var guest = new FakeGuest(_nextId++, t.GetProperty("hostname").GetString()!, t.GetProperty("domain").GetString()!);
            _guests.Add(guest);
            return guest.ToJson();
        }).ToList();
        return LoopbackWireMock.Json(200, created);
    }

    private IResponseMessage GetGuest(long id) =>
        _guests.FirstOrDefault(g => g.Id == id) is { } guest ? LoopbackWireMock.Json(200, guest.ToJson()) : NotFound(id);

    private IResponseMessage DeleteGuest(long id) =>
        _guests.RemoveAll(g => g.Id == id) > 0 ? LoopbackWireMock.Json(200, true) : NotFound(id);

    private static IResponseMessage NotFound(long id) => Error(404, $"Unable to find object with id of '{id}'.", "SoftLayer_Exception_ObjectNotFound");

    private static IResponseMessage Error(int status, string message, string code) => LoopbackWireMock.Json(status, new { error = message, code });
}

/// <summary>A virtual guest of the fake: provisioning (an active transaction, no provisionDate) until marked provisioned.</summary>
public sealed class FakeGuest(long id, string hostname, string domain)
{
    public long Id { get; } = id;

    public string Hostname { get; } = hostname;

    public string Domain { get; } = domain;

    public bool Provisioned { get; set; }

    public string PrimaryIp => $"169.62.0.{Id % 250}";

    public Dictionary<string, object> ToJson()
    {
        var json = new Dictionary<string, object>
        {
            ["id"] = Id,
            ["hostname"] = Hostname,
            ["domain"] = Domain,
            ["fullyQualifiedDomainName"] = $"{Hostname}.{Domain}",
        };
        if (Provisioned)
        {
            json["provisionDate"] = "2030-01-01T00:05:00-06:00";
            json["primaryIpAddress"] = PrimaryIp;
        }
        else
        {
            json["activeTransaction"] = new { id = Id + 1, transactionStatus = new { name = "PROVISION_SERVER" } };
        }

        return json;
    }
}
