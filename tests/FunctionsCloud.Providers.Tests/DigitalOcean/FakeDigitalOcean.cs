using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FunctionsCloud.Providers.Tests.DigitalOcean;

/// <summary>
/// DigitalOcean's v2 API as far as the provider uses it, on WireMock over loopback: droplets kept in memory, pages
/// with links.pages.next (pointing at api.digitalocean.com, as the real one does) and meta.total, the RateLimit
/// headers on every answer, and failures to order (throttling, refused batches).
/// </summary>
public sealed class FakeDigitalOcean : IDisposable
{
    public const string Token = "dop_v1_secret-token-4f1c9a";
    private const string RealApi = "https://api.digitalocean.com";

    private readonly Lock _gate = new();
    private readonly RecordingProviderClock _clock;
    private readonly List<FakeDroplet> _droplets = [];
    private readonly List<(string? Method, int Status, Dictionary<string, string> Headers)> _failures = [];
    private long _nextId = 3_000_000;

    public FakeDigitalOcean(RecordingProviderClock clock)
    {
        _clock = clock;
        Server = LoopbackWireMock.Start();
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(Handle));
    }

    public WireMockServer Server { get; }

    public string Url => Server.Url!;

    /// <summary>At most this many droplets per page, whatever per_page asks.</summary>
    public int MaxPageSize { get; set; } = 200;

    /// <summary>The RateLimit-Remaining sent with every answer.</summary>
    public int RateLimitRemaining { get; set; } = 4999;

    /// <summary>Seconds from now to the RateLimit-Reset sent with every answer.</summary>
    public int RateLimitResetSeconds { get; set; } = 60;

    /// <summary>A create call whose names this matches is refused with 422 and this message.</summary>
    public Func<IReadOnlyList<string>, string?> RefuseCreate { get; set; } = _ => null;

    public IReadOnlyList<FakeDroplet> Droplets
    {
        get { lock (_gate) { return [.. _droplets]; } }
    }

    public IReadOnlyList<ILogEntry> Requests => [.. Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)];

    public IReadOnlyList<IRequestMessage> RequestsTo(string method, string path) =>
        Requests.Select(e => e.RequestMessage).Where(r => r.Method == method && r.Path == path).ToList();

    public FakeDroplet Add(string name, string status, params string[] tags)
    {
        lock (_gate)
        {
            var droplet = new FakeDroplet(_nextId++, name, status, [.. tags]);
            _droplets.Add(droplet);
            return droplet;
        }
    }

    /// <summary>The next <paramref name="times"/> calls, whatever they are, answer this status with these headers.</summary>
    public void FailNext(int times, int status, params (string Name, string Value)[] headers) => Fail(null, times, status, headers);

    /// <summary>The next call with this method answers this status.</summary>
    public void FailNextOf(string method, int status) => Fail(method, 1, status, []);

    private void Fail(string? method, int times, int status, (string Name, string Value)[] headers)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _failures.Add((method, status, headers.ToDictionary(h => h.Name, h => h.Value)));
            }
        }
    }

    public void Dispose() => Server.Stop();

    private IResponseMessage Handle(IRequestMessage request)
    {
        lock (_gate)
        {
            if (LoopbackWireMock.Header(request, "Authorization") != $"Bearer {Token}")
            {
                return Answer(401, new { id = "Unauthorized", message = "Unable to authenticate you" });
            }

            var failure = _failures.FindIndex(f => f.Method is null || f.Method == request.Method);
            if (failure >= 0)
            {
                var (_, status, headers) = _failures[failure];
                _failures.RemoveAt(failure);
                return status == 429
                    ? Answer(status, new { id = "too_many_requests", message = "API Rate limit exceeded." }, headers)
                    : Answer(status, new { id = "service_unavailable", message = "Service is temporarily unavailable." }, headers);
            }

            var query = QueryHelpers.ParseQuery(request.RawQuery);
            return (request.Method, request.Path) switch
            {
                ("GET", "/v2/account") => Answer(200, new { account = new { email = "user@example.com", status = "active" } }),
                ("GET", "/v2/droplets") => ListDroplets(query),
                ("POST", "/v2/droplets") => CreateDroplets(JsonDocument.Parse(request.Body!).RootElement),
                ("DELETE", "/v2/droplets") => DeleteByTag(query["tag_name"].ToString()),
                ("POST", "/v2/tags") => Answer(201, new { tag = new { name = JsonDocument.Parse(request.Body!).RootElement.GetProperty("name").GetString() } }),
                ("POST", var path) when path.StartsWith("/v2/tags/", StringComparison.Ordinal) => TagResources(path, JsonDocument.Parse(request.Body!).RootElement),
                ("GET", var path) when path.StartsWith("/v2/droplets/", StringComparison.Ordinal) => GetDroplet(IdOf(path)),
                ("DELETE", var path) when path.StartsWith("/v2/droplets/", StringComparison.Ordinal) => DeleteDroplet(IdOf(path)),
                _ => Answer(404, new { id = "not_found", message = "The resource you were accessing could not be found." }),
            };
        }
    }

    private IResponseMessage ListDroplets(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        var tag = query["tag_name"].ToString();
        var page = query.TryGetValue("page", out var p) ? int.Parse(p!, CultureInfo.InvariantCulture) : 1;
        var perPage = Math.Min(query.TryGetValue("per_page", out var pp) ? int.Parse(pp!, CultureInfo.InvariantCulture) : 20, MaxPageSize);
        var tagged = _droplets.Where(d => d.Tags.Contains(tag)).ToList();
        var items = tagged.Skip((page - 1) * perPage).Take(perPage).Select(d => d.ToJson()).ToList();
        var hasNext = page * perPage < tagged.Count;
        var next = hasNext ? $"{RealApi}/v2/droplets?page={page + 1}&per_page={perPage}&tag_name={Uri.EscapeDataString(tag)}" : null;
        return Answer(200, new { droplets = items, links = new { pages = next is null ? (object)new { } : new { next } }, meta = new { total = tagged.Count } });
    }

    private IResponseMessage CreateDroplets(JsonElement body)
    {
        var names = body.GetProperty("names").EnumerateArray().Select(n => n.GetString()!).ToList();
        if (names.Count > 10)
        {
            return Answer(422, new { id = "unprocessable_entity", message = "You may only create 10 droplets at a time." });
        }

        if (RefuseCreate(names) is { } reason)
        {
            return Answer(422, new { id = "unprocessable_entity", message = reason });
        }

        var tags = body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray();
        var created = names.Select(name =>
        {
            var droplet = new FakeDroplet(_nextId++, name, "new", [.. tags]);
            _droplets.Add(droplet);
            return droplet.ToJson();
        }).ToList();
        return Answer(202, new { droplets = created, links = new { actions = Array.Empty<object>() } });
    }

    private IResponseMessage TagResources(string path, JsonElement body)
    {
        var tag = Uri.UnescapeDataString(path["/v2/tags/".Length..^"/resources".Length]);
        foreach (var resource in body.GetProperty("resources").EnumerateArray())
        {
            var id = long.Parse(resource.GetProperty("resource_id").GetString()!, CultureInfo.InvariantCulture);
            _droplets.Single(d => d.Id == id).Tags.Add(tag);
        }

        return Answer(204, null);
    }

    private IResponseMessage GetDroplet(long id) =>
        _droplets.FirstOrDefault(d => d.Id == id) is { } droplet
            ? Answer(200, new { droplet = droplet.ToJson() })
            : Answer(404, new { id = "not_found", message = "The resource you were accessing could not be found." });

    private IResponseMessage DeleteDroplet(long id) =>
        _droplets.RemoveAll(d => d.Id == id) > 0
            ? Answer(204, null)
            : Answer(404, new { id = "not_found", message = "The resource you were accessing could not be found." });

    private IResponseMessage DeleteByTag(string tag)
    {
        _droplets.RemoveAll(d => d.Tags.Contains(tag));
        return Answer(204, null);
    }

    private IResponseMessage Answer(int status, object? body, Dictionary<string, string>? extra = null)
    {
        var headers = new Dictionary<string, string>
        {
            ["RateLimit-Limit"] = "5000",
            ["RateLimit-Remaining"] = RateLimitRemaining.ToString(CultureInfo.InvariantCulture),
            ["RateLimit-Reset"] = _clock.UtcNow.AddSeconds(RateLimitResetSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in extra ?? [])
        {
            headers[name] = value;
        }

        return LoopbackWireMock.Json(status, body, headers: headers);
    }

    private static long IdOf(string path) => long.Parse(path["/v2/droplets/".Length..], CultureInfo.InvariantCulture);
}

/// <summary>A droplet of the fake; its JSON is DigitalOcean's, trimmed.</summary>
public sealed class FakeDroplet(long id, string name, string status, List<string> tags)
{
    public long Id { get; } = id;

    public string Name { get; } = name;

    public string Status { get; set; } = status;

    public List<string> Tags { get; } = tags;

    public string PublicIp => $"203.0.113.{Id % 250}";

    public object ToJson() => new
    {
        id = Id,
        name = Name,
        status = Status,
        tags = Tags.ToArray(),
        region = new { slug = "fra1" },
        size_slug = "s-1vcpu-1gb",
        networks = new
        {
            v4 = Status == "new"
                ? Array.Empty<object>()
                : [new { ip_address = $"10.110.0.{Id % 250}", netmask = "255.255.240.0", gateway = "10.110.0.1", type = "private" },
                   new { ip_address = PublicIp, netmask = "255.255.240.0", gateway = "203.0.113.1", type = "public" }],
            v6 = Array.Empty<object>(),
        },
    };
}
