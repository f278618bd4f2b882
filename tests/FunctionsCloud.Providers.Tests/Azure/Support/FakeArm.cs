using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;
using WireMockRequest = WireMock.RequestBuilders.Request;
using WireMockResponse = WireMock.ResponseBuilders.Response;

namespace FunctionsCloud.Providers.Tests.Azure.Support;

/// <summary>
/// Azure Resource Manager and Entra ID on loopback (WireMock.Net over TLS), speaking their wire format: a client-credentials
/// token endpoint, ARM JSON resources under a subscription, PUTs answering 201 with <c>Azure-AsyncOperation</c> and
/// <c>Location</c> headers whose status URL says InProgress then Succeeded, DELETEs answering 202 with a Location to poll,
/// paged lists with <c>nextLink</c>, and injected faults (429 with Retry-After, 409 SkuNotAvailable...). It records every request.
/// A VM's creation stays InProgress until the test finishes or fails it, as a real one takes minutes.
/// </summary>
public sealed partial class FakeArm : IDisposable
{
    public const string SubscriptionId = "6b7e9c1a-0c4f-4a53-9a7e-3f1b2c4d5e6f";
    public const string TenantId = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    public const string AccessToken = "fake-arm-access-token";

    private readonly object _gate = new();
    private readonly WireMockServer _server;
    private readonly Dictionary<string, JsonObject> _resources = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly List<Fault> _faults = [];
    private readonly List<ArmRequest> _requests = [];
    private readonly List<string> _tokenRequestBodies = [];
    private int _nextOperation;
    private int _nextIp = 10;

    public FakeArm()
    {
        var certificate = LoopbackCertificate.Create();
        var port = FreePort();
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"https://127.0.0.1:{port}"],
            UseSSL = true,
            CertificateSettings = new WireMockCertificateSettings { X509Certificate = certificate },
        });
        Url = new Uri($"https://127.0.0.1:{port}/");
        var thumbprint = certificate.Thumbprint;
        Transport = new HttpClientTransport(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && cert.Thumbprint == thumbprint,
        });
        _server.Given(WireMockRequest.Create().UsingAnyMethod().WithPath(new WireMock.Matchers.WildcardMatcher("/*")))
            .RespondWith(WireMockResponse.Create().WithCallback(Handle));
    }

    public Uri Url { get; }

    /// <summary>The transport tests hand the provider: it trusts only this fake's certificate.</summary>
    public HttpClientTransport Transport { get; }

    /// <summary>How many looks (status polls or GETs of the resource) a network resource's creation, or a deletion, stays in progress.</summary>
    public int NetworkPollsBeforeDone { get; set; } = 1;

    /// <summary>Items per page of a list; the rest follow through <c>nextLink</c>.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>When set, the token endpoint refuses the client's secret with this AADSTS error.</summary>
    public string? TokenError { get; set; }

    public string SubscriptionState { get; set; } = "Enabled";

    public IReadOnlyList<ArmRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<string> TokenRequestBodies
    {
        get
        {
            lock (_gate)
            {
                return [.. _tokenRequestBodies];
            }
        }
    }

    public static string GroupPath(string resourceGroup) => $"/subscriptions/{SubscriptionId}/resourceGroups/{resourceGroup}";

    public static string VmPath(string resourceGroup, Guid node) => $"{GroupPath(resourceGroup)}/providers/Microsoft.Compute/virtualMachines/vm-{node:D}";

    public static string NetworkPath(string resourceGroup, string type, string name) => $"{GroupPath(resourceGroup)}/providers/Microsoft.Network/{type}/{name}";

    /// <summary>Answers the next <paramref name="times"/> requests that match with this status, body and headers instead.</summary>
    public void Fail(Func<ArmRequest, bool> match, int times, int status, object? body, params (string Name, string Value)[] headers)
    {
        lock (_gate)
        {
            _faults.Add(new Fault(match, times, status, body, headers));
        }
    }

    /// <summary>An ARM error body: <c>{"error": {"code", "message"}}</c>.</summary>
    public static object Error(string code, string message) => new { error = new { code, message } };

    /// <summary>A resource as if made earlier (e.g. a VM of another node of the cluster).</summary>
    public void Seed(string path, string provisioningState, Dictionary<string, string>? tags = null)
    {
        lock (_gate)
        {
            var body = NewResource(path, new JsonObject { ["properties"] = new JsonObject() }, provisioningState);
            if (tags is not null)
            {
                body["tags"] = new JsonObject(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value))));
            }

            _resources[path] = body;
        }
    }

    public bool Exists(string path)
    {
        lock (_gate)
        {
            return _resources.ContainsKey(path);
        }
    }

    public string? ProvisioningState(string path)
    {
        lock (_gate)
        {
            return _resources.TryGetValue(path, out var r) ? r["properties"]?["provisioningState"]?.GetValue<string>() : null;
        }
    }

    /// <summary>The VM's creation succeeds (Azure allocated and booted it).</summary>
    public void FinishVm(string resourceGroup, Guid node) => SettleVm(VmPath(resourceGroup, node), null);

    /// <summary>The VM's creation fails the way capacity failures do: the operation and the VM end Failed with this error.</summary>
    public void FailVm(string resourceGroup, Guid node, string code, string message) =>
        SettleVm(VmPath(resourceGroup, node), new JsonObject { ["code"] = code, ["message"] = message });

    /// <summary>How many times the client polled the status of an operation on the resource at <paramref name="path"/>.</summary>
    public int StatusPolls(string path)
    {
        lock (_gate)
        {
            return _operations.Values.Where(o => string.Equals(o.ResourcePath, path, StringComparison.OrdinalIgnoreCase)).Sum(o => o.Polls);
        }
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        Transport.Dispose();
    }

    private ResponseMessage Handle(IRequestMessage message)
    {
        var uri = new Uri(message.AbsoluteUrl);
        var query = QueryHelpers.ParseQuery(uri.Query).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new ArmRequest(message.Method, Uri.UnescapeDataString(uri.AbsolutePath), query, message.Body ?? "",
            message.Headers?.TryGetValue("Authorization", out var auth) == true ? auth.ToString() : null);
        lock (_gate)
        {
            if (request.Path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            {
                _tokenRequestBodies.Add(request.Body);
                return TokenError is null
                    ? Json(200, new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = AccessToken })
                    : Json(401, new { error = "invalid_client", error_description = TokenError, error_codes = new[] { 7000215 } });
            }

            _requests.Add(request);
            return FaultFor(request) ?? Route(request);
        }
    }

    private ResponseMessage? FaultFor(ArmRequest request)
    {
        var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Match(request));
        if (fault is null)
        {
            return null;
        }

        fault.Remaining--;
        return Json(fault.Status, fault.Body, fault.Headers);
    }

    private ResponseMessage Route(ArmRequest request)
    {
        if (request.Authorization != $"Bearer {AccessToken}")
        {
            return Json(401, Error("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing."));
        }

        var segments = request.Path.Trim('/').Split('/');
        var lower = segments.Select(x => x.ToLowerInvariant()).ToArray();
        return lower switch
        {
            ["subscriptions", _] when request.Method == "GET" => Subscription(segments[1]),
            ["subscriptions", _, "resourcegroups"] => ListGroups(request),
            ["subscriptions", _, "resourcegroups", _] => Group(request),
            ["subscriptions", _, "providers", _, "locations", _, "operations", _] => OperationStatus(segments[7]),
            ["subscriptions", _, "providers", _, "locations", _, "operationresults", _] => OperationResult(segments[7]),
            ["subscriptions", _, "resourcegroups", _, "providers", "microsoft.compute", "virtualmachines"] => ListVms(request),
            ["subscriptions", _, "resourcegroups", _, "providers", _, _, _] => Resource(request, segments[5], segments[6]),
            _ => Json(404, Error("NotFound", $"No route for {request.Method} {request.Path}.")),
        };
    }

    private ResponseMessage Subscription(string id) =>
        id == SubscriptionId
            ? Json(200, new { id = $"/subscriptions/{id}", subscriptionId = id, displayName = "Pay-As-You-Go", state = SubscriptionState, tenantId = TenantId })
            : Json(404, Error("SubscriptionNotFound", $"The subscription '{id}' could not be found."));

    private ResponseMessage Group(ArmRequest request)
    {
        var path = request.Path;
        switch (request.Method)
        {
            case "PUT":
                var created = !_resources.ContainsKey(path);
                var body = request.Json.AsObject();
                body["id"] = path;
                body["name"] = path.Split('/')[^1];
                body["type"] = "Microsoft.Resources/resourceGroups";
                body["properties"] = new JsonObject { ["provisioningState"] = "Succeeded" };
                _resources[path] = body;
                return Json(created ? 201 : 200, body);
            case "GET":
                return _resources.TryGetValue(path, out var group) ? Json(200, group) : NotFound(path);
            case "DELETE":
                if (!_resources.ContainsKey(path))
                {
                    return NotFound(path);
                }

                foreach (var key in _resources.Keys.Where(k => k.StartsWith(path + "/", StringComparison.OrdinalIgnoreCase) || k.Equals(path, StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    _resources.Remove(key);
                }

                return Accepted(NewOperation(path, "Microsoft.Resources", isDelete: true, NetworkPollsBeforeDone), asyncOperation: false);
            default:
                return Json(405, Error("MethodNotAllowed", request.Method));
        }
    }

    private ResponseMessage ListGroups(ArmRequest request)
    {
        var filter = FilterPattern().Match(request.Query.GetValueOrDefault("$filter") ?? "");
        var groups = _resources.Where(r => r.Key.Split('/').Length == 5 && r.Key.Contains("/resourceGroups/", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Value)
            .Where(g => !filter.Success || g["tags"]?[filter.Groups["name"].Value]?.GetValue<string>() == filter.Groups["value"].Value);
        return Page(request, groups);
    }

    private ResponseMessage ListVms(ArmRequest request)
    {
        var prefix = request.Path + "/";
        return Page(request, _resources.Where(r => r.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Select(r => r.Value));
    }

    /// <summary>One page of <paramref name="items"/> in ARM's list shape, with a <c>nextLink</c> while more remain.</summary>
    private ResponseMessage Page(ArmRequest request, IEnumerable<JsonObject> items)
    {
        var all = items.OrderBy(i => i["id"]!.GetValue<string>(), StringComparer.Ordinal).ToList();
        var skip = int.TryParse(request.Query.GetValueOrDefault("$skiptoken"), CultureInfo.InvariantCulture, out var s) ? s : 0;
        var page = all.Skip(skip).Take(PageSize).Select(i => i.DeepClone()).ToArray();
        var next = skip + PageSize < all.Count
            ? QueryHelpers.AddQueryString(new Uri(Url, request.Path).ToString(), request.Query.Where(q => q.Key != "$skiptoken")
                .Select(q => KeyValuePair.Create(q.Key, (string?)q.Value))
                .Append(KeyValuePair.Create("$skiptoken", (string?)(skip + PageSize).ToString(CultureInfo.InvariantCulture))))
            : null;
        return Json(200, new JsonObject { ["value"] = new JsonArray(page), ["nextLink"] = next });
    }

    private ResponseMessage Resource(ArmRequest request, string providerNamespace, string type)
    {
        var path = request.Path;
        var isVm = type.Equals("virtualMachines", StringComparison.OrdinalIgnoreCase);
        switch (request.Method)
        {
            case "PUT":
                if (!_resources.ContainsKey(string.Join('/', path.Split('/')[..5])))
                {
                    return Json(404, Error("ResourceGroupNotFound", $"Resource group '{path.Split('/')[4]}' could not be found."));
                }

                if (_resources.TryGetValue(path, out var existing))
                {
                    return Json(200, existing);
                }

                var body = NewResource(path, request.Json.AsObject(), isVm ? "Creating" : "Updating");
                _resources[path] = body;
                var polls = isVm ? int.MaxValue : NetworkPollsBeforeDone;
                return Created(body, NewOperation(path, providerNamespace, isDelete: false, polls));
            case "GET":
                foreach (var pending in _operations.Values.Where(o => o.Status == "InProgress" && o.ResourcePath.Equals(path, StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    Advance(pending); // reading the resource shows progress too
                }

                return _resources.TryGetValue(path, out var found) ? Json(200, WithInstanceView(found, request)) : NotFound(path);
            case "DELETE":
                if (!_resources.TryGetValue(path, out var doomed))
                {
                    return NotFound(path);
                }

                doomed["properties"]!["provisioningState"] = "Deleting";
                return Accepted(NewOperation(path, providerNamespace, isDelete: true, NetworkPollsBeforeDone), asyncOperation: isVm);
            default:
                return Json(405, Error("MethodNotAllowed", request.Method));
        }
    }

    private ResponseMessage OperationStatus(string id)
    {
        if (!_operations.TryGetValue(id, out var operation))
        {
            return Json(404, Error("OperationNotFound", id));
        }

        operation.Polls++;
        Advance(operation);
        return Json(200, new JsonObject { ["status"] = operation.Status, ["error"] = operation.Error?.DeepClone() });
    }

    private ResponseMessage OperationResult(string id)
    {
        if (!_operations.TryGetValue(id, out var operation))
        {
            return Json(404, Error("OperationNotFound", id));
        }

        operation.Polls++;
        Advance(operation);
        return operation.Status switch
        {
            "InProgress" => Json(202, null, ("Location", OperationUrl(operation, "operationResults")), ("Retry-After", "0")),
            "Failed" => Json(400, new { error = operation.Error }),
            _ when operation.IsDelete => Json(204, null),
            _ => Json(200, _resources.GetValueOrDefault(operation.ResourcePath)),
        };
    }

    /// <summary>Counts a look (a status poll or a GET of the resource); a pending operation looked at enough succeeds and settles its resource.</summary>
    private void Advance(Operation operation)
    {
        operation.Looks++;
        if (operation.Status != "InProgress" || operation.Looks <= operation.PollsBeforeDone)
        {
            return;
        }

        operation.Status = "Succeeded";
        if (operation.IsDelete)
        {
            _resources.Remove(operation.ResourcePath);
        }
        else if (_resources.TryGetValue(operation.ResourcePath, out var resource))
        {
            Succeed(resource);
        }
    }

    private void Succeed(JsonObject resource)
    {
        resource["properties"]!["provisioningState"] = "Succeeded";
        if (resource["type"]!.GetValue<string>().EndsWith("publicIPAddresses", StringComparison.OrdinalIgnoreCase))
        {
            resource["properties"]!["ipAddress"] = $"20.0.0.{_nextIp++}";
        }
    }

    private void SettleVm(string path, JsonObject? error)
    {
        lock (_gate)
        {
            var vm = _resources[path];
            var operation = _operations.Values.Single(o => !o.IsDelete && o.ResourcePath.Equals(path, StringComparison.OrdinalIgnoreCase));
            operation.Status = error is null ? "Succeeded" : "Failed";
            operation.Error = error;
            vm["properties"]!["provisioningState"] = error is null ? "Succeeded" : "Failed";
            vm["instanceViewStatuses"] = error is null
                ? new JsonArray(new JsonObject { ["code"] = "ProvisioningState/succeeded", ["level"] = "Info", ["displayStatus"] = "Provisioning succeeded" })
                : new JsonArray(new JsonObject
                {
                    ["code"] = $"ProvisioningState/failed/{error["code"]}",
                    ["level"] = "Error",
                    ["displayStatus"] = "Provisioning failed",
                    ["message"] = error["message"]!.GetValue<string>(),
                });
        }
    }

    /// <summary>A VM's GET with <c>$expand=instanceView</c> carries its provisioning statuses (the reason of a failure).</summary>
    private static JsonObject WithInstanceView(JsonObject resource, ArmRequest request)
    {
        var copy = resource.DeepClone().AsObject();
        var statuses = copy["instanceViewStatuses"];
        copy.Remove("instanceViewStatuses");
        if (request.Query.GetValueOrDefault("$expand") == "instanceView")
        {
            copy["properties"]!["instanceView"] = new JsonObject { ["statuses"] = statuses?.DeepClone() ?? new JsonArray() };
        }

        return copy;
    }

    private static JsonObject NewResource(string path, JsonObject body, string provisioningState)
    {
        var segments = path.Split('/');
        body["id"] = path;
        body["name"] = segments[^1];
        body["type"] = $"{segments[^3]}/{segments[^2]}";
        var properties = body["properties"] as JsonObject ?? new JsonObject();
        body["properties"] = properties;
        properties["provisioningState"] = provisioningState;
        return body;
    }

    private Operation NewOperation(string resourcePath, string providerNamespace, bool isDelete, int pollsBeforeDone)
    {
        var operation = new Operation($"op-{++_nextOperation}", resourcePath, providerNamespace, isDelete, pollsBeforeDone);
        _operations[operation.Id] = operation;
        return operation;
    }

    private string OperationUrl(Operation operation, string kind) =>
        new Uri(Url, $"/subscriptions/{SubscriptionId}/providers/{operation.ProviderNamespace}/locations/eastus/{kind}/{operation.Id}?api-version=2024-05-01").ToString();

    private ResponseMessage Created(JsonObject body, Operation operation) =>
        Json(201, body, ("Azure-AsyncOperation", OperationUrl(operation, "operations")), ("Location", OperationUrl(operation, "operationResults")));

    private ResponseMessage Accepted(Operation operation, bool asyncOperation) =>
        asyncOperation
            ? Json(202, null, ("Azure-AsyncOperation", OperationUrl(operation, "operations")), ("Location", OperationUrl(operation, "operationResults")))
            : Json(202, null, ("Location", OperationUrl(operation, "operationResults")));

    private static ResponseMessage NotFound(string path) =>
        Json(404, Error("ResourceNotFound", $"The Resource '{path.Split('/')[^1]}' under resource group '{path.Split('/')[4]}' was not found."));

    private static ResponseMessage Json(int status, object? body, params (string Name, string Value)[] headers)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            Headers = new Dictionary<string, WireMockList<string>> { ["x-ms-request-id"] = new(Guid.NewGuid().ToString()) },
        };
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = new WireMockList<string>(value);
        }

        if (body is not null)
        {
            response.Headers["Content-Type"] = new WireMockList<string>("application/json; charset=utf-8");
            response.BodyData = new BodyData
            {
                BodyAsString = body is JsonNode node ? node.ToJsonString() : JsonSerializer.Serialize(body),
                DetectedBodyType = BodyType.String,
            };
        }

        return response;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("tagName eq '(?<name>[^']*)' and tagValue eq '(?<value>[^']*)'")]
    private static partial Regex FilterPattern();

    private sealed class Operation(string id, string resourcePath, string providerNamespace, bool isDelete, int pollsBeforeDone)
    {
        public string Id { get; } = id;
        public string ResourcePath { get; } = resourcePath;
        public string ProviderNamespace { get; } = providerNamespace;
        public bool IsDelete { get; } = isDelete;
        public int PollsBeforeDone { get; } = pollsBeforeDone;
        public int Polls { get; set; }
        public int Looks { get; set; }
        public string Status { get; set; } = "InProgress";
        public JsonObject? Error { get; set; }
    }

    private sealed class Fault(Func<ArmRequest, bool> match, int times, int status, object? body, (string Name, string Value)[] headers)
    {
        public Func<ArmRequest, bool> Match { get; } = match;
        public int Remaining { get; set; } = times;
        public int Status { get; } = status;
        public object? Body { get; } = body;
        public (string Name, string Value)[] Headers { get; } = headers;
    }
}
