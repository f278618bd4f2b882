using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace FunctionsCloud.Providers.Tests.Aws.Support;

/// <summary>
/// A WireMock.Net server on loopback that speaks the EC2 Query API (form-encoded POSTs, XML answers in the
/// 2016-11-15 namespace, <c>&lt;Response&gt;&lt;Errors&gt;</c> errors) with just enough state for the provider's
/// scenarios: idempotent RunInstances by ClientToken, per-zone capacity, tags, filters, paging, scripted failures.
/// What the client sent is read back from WireMock's own request log.
/// </summary>
public sealed class FakeEc2 : IDisposable
{
    public const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private readonly WireMockServer _server;
    private readonly Lock _gate = new();
    private readonly List<FakeInstance> _instances = [];
    private readonly Dictionary<string, Launch> _launches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _capacity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Code, string Message)> _refusedZones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<(int Status, string Code, string Message)>> _failures = new(StringComparer.Ordinal);
    private int _nextId;

    public FakeEc2()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });
        _server.Given(Request.Create().UsingPost().WithPath("/")).RespondWith(Response.Create().WithCallback(Handle));
    }

    public string Url => _server.Url!;

    /// <summary>How many instances DescribeInstances returns per page (EC2 pages at its own discretion).</summary>
    public int DescribePageSize { get; set; } = 1000;

    /// <summary>Whether a CreateTags call is ignored, as if the activity died before tagging.</summary>
    public bool DropTags { get; set; }

    public Dictionary<string, string> SubnetZones { get; } = new(StringComparer.Ordinal);

    /// <summary>The calls received, in order, parsed from WireMock's log entries.</summary>
    public IReadOnlyList<Ec2Request> Requests =>
        _server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => Ec2Request.Parse(e.RequestMessage.Body)).ToList();

    public IReadOnlyList<string> Bodies => _server.LogEntries.Select(e => e.RequestMessage.Body ?? string.Empty).ToList();

    public IReadOnlyList<string> AuthorizationHeaders =>
        _server.LogEntries
            .SelectMany(e => e.RequestMessage.Headers is { } headers && headers.TryGetValue("Authorization", out var values) ? values.ToArray() : [])
            .ToList();

    public IReadOnlyList<Ec2Request> Calls(string action) => Requests.Where(r => r.Action == action).ToList();

    public IReadOnlyList<FakeInstance> Instances
    {
        get
        {
            lock (_gate)
            {
                return [.. _instances];
            }
        }
    }

    /// <summary>The zone launches at most <paramref name="instances"/> more instances, then answers InsufficientInstanceCapacity.</summary>
    public void SetCapacity(string zone, int instances)
    {
        lock (_gate)
        {
            _capacity[zone] = instances;
        }
    }

    public void RefuseZone(string zone, string code, string message)
    {
        lock (_gate)
        {
            _refusedZones[zone] = (code, message);
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="action"/> fail with this error.</summary>
    public void Fail(string action, string code, string message, int status = 400, int times = 1)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(action, out var queue))
            {
                _failures[action] = queue = new();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue((status, code, message));
            }
        }
    }

    /// <summary>An instance that exists before the test (for describe and terminate scenarios).</summary>
    public FakeInstance AddInstance(string zone, string state, IReadOnlyDictionary<string, string>? tags = null, string? publicIp = null)
    {
        lock (_gate)
        {
            var instance = new FakeInstance(NewInstanceId(), zone, 0, null, null) { State = state, PublicIp = publicIp };
            foreach (var (key, value) in tags ?? new Dictionary<string, string>())
            {
                instance.Tags[key] = value;
            }

            _instances.Add(instance);
            return instance;
        }
    }

    public void Dispose() => _server.Stop();

    private ResponseMessage Handle(IRequestMessage message)
    {
        var request = Ec2Request.Parse(message.Body);
        lock (_gate)
        {
            if (_failures.TryGetValue(request.Action, out var queue) && queue.TryDequeue(out var failure))
            {
                return Error(failure.Status, failure.Code, failure.Message);
            }

            return request.Action switch
            {
                "RunInstances" => RunInstances(request),
                "DescribeInstances" => DescribeInstances(request),
                "CreateTags" => CreateTags(request),
                "TerminateInstances" => TerminateInstances(request),
                "DescribeRegions" => Xml("DescribeRegionsResponse", "<regionInfo><item><regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint></item></regionInfo>"),
                _ => Error(400, "InvalidAction", $"The action {request.Action} is not valid for this web service."),
            };
        }
    }

    private ResponseMessage RunInstances(Ec2Request request)
    {
        var token = request["ClientToken"];
        var fingerprint = string.Join("&", request.Form.Where(p => p.Key != "Action").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        if (token is not null && _launches.TryGetValue(token, out var earlier))
        {
            return earlier.Fingerprint == fingerprint
                ? Xml("RunInstancesResponse", Reservation(earlier.ReservationId, earlier.Instances))
                : Error(400, "IdempotentParameterMismatch", "The client token you have provided is associated with a resource that is already deleted or has different parameters.");
        }

        var subnet = request["SubnetId"];
        var zone = request["Placement.AvailabilityZone"] ?? (subnet is null ? "us-east-1a" : SubnetZones.GetValueOrDefault(subnet, "us-east-1a"));
        if (_refusedZones.TryGetValue(zone, out var refusal))
        {
            return Error(400, refusal.Code, refusal.Message);
        }

        var wanted = int.Parse(request["MaxCount"]!, CultureInfo.InvariantCulture);
        var available = _capacity.TryGetValue(zone, out var capacity) ? capacity : int.MaxValue;
        var count = Math.Min(wanted, available);
        if (count < int.Parse(request["MinCount"]!, CultureInfo.InvariantCulture))
        {
            return Error(500, "InsufficientInstanceCapacity",
                $"We currently do not have sufficient {request["InstanceType"]} capacity in the Availability Zone you requested ({zone}).");
        }

        if (_capacity.ContainsKey(zone))
        {
            _capacity[zone] -= count;
        }

        var tags = request.Tags("TagSpecification.1.");
        var instances = Enumerable.Range(0, count).Select(index =>
        {
            var instance = new FakeInstance(NewInstanceId(), zone, index, token, subnet);
            foreach (var (key, value) in tags)
            {
                instance.Tags[key] = value;
            }

            return instance;
        }).ToList();
        _instances.AddRange(instances);
        var reservationId = "r-" + Guid.NewGuid().ToString("N")[..17];
        if (token is not null)
        {
            _launches[token] = new Launch(reservationId, instances, fingerprint);
        }

        return Xml("RunInstancesResponse", Reservation(reservationId, instances));
    }

    private ResponseMessage DescribeInstances(Ec2Request request)
    {
        var filters = request.Filters();
        var matching = _instances.Where(i => filters.All(f => Matches(i, f.Key, f.Value))).ToList();
        var offset = request["NextToken"] is { } next ? int.Parse(next[5..], CultureInfo.InvariantCulture) : 0;
        var page = matching.Skip(offset).Take(DescribePageSize).ToList();
        var nextToken = offset + page.Count < matching.Count ? $"<nextToken>page-{offset + page.Count}</nextToken>" : string.Empty;
        var reservations = string.Concat(page.Select(i => $"<item><reservationId>r-{i.Id[2..]}</reservationId><ownerId>123456789012</ownerId><instancesSet>{InstanceXml(i)}</instancesSet></item>"));
        return Xml("DescribeInstancesResponse", $"<reservationSet>{reservations}</reservationSet>{nextToken}");
    }

    private static bool Matches(FakeInstance instance, string filter, IReadOnlyList<string> values) => filter switch
    {
        "instance-id" => values.Contains(instance.Id),
        "instance-state-name" => values.Contains(instance.State),
        "client-token" => values.Contains(instance.ClientToken ?? string.Empty),
        _ when filter.StartsWith("tag:", StringComparison.Ordinal) => instance.Tags.TryGetValue(filter[4..], out var value) && values.Contains(value),
        _ => throw new NotSupportedException($"The fake EC2 does not filter by {filter}."),
    };

    private ResponseMessage CreateTags(Ec2Request request)
    {
        var ids = request.List("ResourceId");
        var unknown = ids.Where(id => _instances.All(i => i.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            return Error(400, "InvalidInstanceID.NotFound", $"The instance ID '{string.Join(", ", unknown)}' does not exist");
        }

        if (!DropTags)
        {
            foreach (var instance in _instances.Where(i => ids.Contains(i.Id)))
            {
                foreach (var (key, value) in request.Tags())
                {
                    instance.Tags[key] = value;
                }
            }
        }

        return Xml("CreateTagsResponse", "<return>true</return>");
    }

    private ResponseMessage TerminateInstances(Ec2Request request)
    {
        var ids = request.List("InstanceId");
        var unknown = ids.Where(id => _instances.All(i => i.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            // As EC2 does: one unknown id fails the whole call, and the message names them.
            return Error(400, "InvalidInstanceID.NotFound", unknown.Count == 1
                ? $"The instance ID '{unknown[0]}' does not exist"
                : $"The instance IDs '{string.Join(", ", unknown)}' do not exist");
        }

        var items = new StringBuilder();
        foreach (var instance in _instances.Where(i => ids.Contains(i.Id)))
        {
            var previous = instance.State;
            instance.State = previous == "terminated" ? "terminated" : "shutting-down";
            items.Append(CultureInfo.InvariantCulture,
                $"<item><instanceId>{instance.Id}</instanceId><currentState><code>32</code><name>{instance.State}</name></currentState><previousState><code>16</code><name>{previous}</name></previousState></item>");
        }

        return Xml("TerminateInstancesResponse", $"<instancesSet>{items}</instancesSet>");
    }

    private static string Reservation(string reservationId, IEnumerable<FakeInstance> instances) =>
        $"<reservationId>{reservationId}</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet>{string.Concat(instances.Select(InstanceXml))}</instancesSet>";

    private static string InstanceXml(FakeInstance i)
    {
        var tags = string.Concat(i.Tags.Select(t => $"<item><key>{Escape(t.Key)}</key><value>{Escape(t.Value)}</value></item>"));
        var code = i.State switch { "pending" => 0, "running" => 16, "shutting-down" => 32, "terminated" => 48, "stopping" => 64, _ => 80 };
        return "<item>"
            + $"<instanceId>{i.Id}</instanceId><imageId>ami-0123456789abcdef0</imageId>"
            + $"<instanceState><code>{code}</code><name>{i.State}</name></instanceState>"
            + $"<amiLaunchIndex>{i.LaunchIndex}</amiLaunchIndex><instanceType>t3.micro</instanceType>"
            + $"<placement><availabilityZone>{i.Zone}</availabilityZone><tenancy>default</tenancy></placement>"
            + (i.SubnetId is null ? string.Empty : $"<subnetId>{i.SubnetId}</subnetId>")
            + (i.PublicIp is null ? string.Empty : $"<ipAddress>{i.PublicIp}</ipAddress>")
            + (i.ClientToken is null ? string.Empty : $"<clientToken>{i.ClientToken}</clientToken>")
            + (i.StateReason is null ? string.Empty : $"<stateReason><code>Server.InternalError</code><message>{Escape(i.StateReason)}</message></stateReason>")
            + $"<tagSet>{tags}</tagSet>"
            + "</item>";
    }

    private static ResponseMessage Xml(string root, string content) =>
        Message(200, $"""<?xml version="1.0" encoding="UTF-8"?><{root} xmlns="{Namespace}"><requestId>{Guid.NewGuid()}</requestId>{content}</{root}>""");

    private static ResponseMessage Error(int status, string code, string message) =>
        Message(status, $"""<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>{code}</Code><Message>{Escape(message)}</Message></Error></Errors><RequestID>{Guid.NewGuid()}</RequestID></Response>""");

    private static ResponseMessage Message(int status, string xml)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = xml, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "text/xml;charset=UTF-8");
        return response;
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    private string NewInstanceId() => "i-" + (++_nextId).ToString("x17", CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Launch(string ReservationId, List<FakeInstance> Instances, string Fingerprint);
}
