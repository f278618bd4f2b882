using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using FunctionsCloud.Domain.Agents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Testing.Agents;

/// <summary>One request the fake control plane received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string Body, DateTimeOffset At)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>What the fake answers with: a status and an optional JSON body (problem+json for errors).</summary>
public sealed record FakeAnswer(int Status, object? Body = null)
{
    public static FakeAnswer Problem(int status, string detail) =>
        new(status, new { type = "about:blank", title = ((HttpStatusCode)status).ToString(), status, detail });
}

/// <summary>
/// A loopback control plane (Kestrel on 127.0.0.1, a free port) that speaks the agent routes and records every request.
/// By default it registers any token once (a new uuid and secret each time), accepts heartbeats from known secrets and
/// answers their desired containers with <see cref="DesiredContainers"/>.
/// </summary>
public sealed class FakeControlPlane : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly SemaphoreSlim _changed = new(0);
    private readonly ConcurrentDictionary<string, Guid> _nodesBySecret = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Guid> _nodesByToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Guid> _rotatedSecrets = new(StringComparer.Ordinal);
    private int _registerCalls;
    private int _heartbeatCalls;
    private int _containerCalls;

    private FakeControlPlane(WebApplication app)
    {
        _app = app;
        app.Run(HandleAsync);
    }

    public Uri Url { get; private set; } = null!;

    public int RegistrationInterval { get; set; } = 30;

    public int HeartbeatInterval { get; set; } = 30;

    /// <summary>The desired-state generation every heartbeat answer carries.</summary>
    public int Generation { get; set; }

    /// <summary>The containers GET /api/agent/v1/containers/ answers with, at <see cref="Generation"/>.</summary>
    public IReadOnlyList<DesiredContainer> DesiredContainers { get; set; } = [];

    /// <summary>Answers fetch #n (1-based) of the desired containers instead of the default when it returns non-null.</summary>
    public Func<RecordedRequest, int, FakeAnswer?>? OnDesiredContainers { get; set; }

    /// <summary>Answers registration #n (1-based) instead of the default when it returns non-null.</summary>
    public Func<RecordedRequest, int, FakeAnswer?>? OnRegister { get; set; }

    /// <summary>Answers heartbeat #n (1-based) instead of the default when it returns non-null.</summary>
    public Func<RecordedRequest, int, FakeAnswer?>? OnHeartbeat { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> Registrations => [.. _requests.Where(r => r.Path == AgentRoutes.Register)];

    public IReadOnlyList<RecordedRequest> Heartbeats => [.. _requests.Where(r => r.Path == AgentRoutes.Heartbeat)];

    public IReadOnlyList<RecordedRequest> DesiredContainerFetches => [.. _requests.Where(r => r.Path == AgentRoutes.DesiredContainers)];

    public IReadOnlyList<RecordedRequest> Rotations => [.. _requests.Where(r => r.Path == AgentRoutes.RotateSecret)];

    public IReadOnlyDictionary<string, Guid> NodesBySecret => _nodesBySecret;

    public static async Task<FakeControlPlane> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var fake = new FakeControlPlane(builder.Build());
        await fake._app.StartAsync().ConfigureAwait(false);
        var address = fake._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return fake;
    }

    /// <summary>Adds a node as if it had registered earlier (for agents that start with an identity).</summary>
    public void KnowNode(Guid uuid, string secret) => _nodesBySecret[secret] = uuid;

    /// <summary>Forgets a node: its heartbeats now get 404, as for a terminated node.</summary>
    public void ForgetNode(string secret) => _nodesBySecret.TryRemove(secret, out _);

    /// <summary>Waits (without fixed sleeps) until the recorded requests satisfy the condition.</summary>
    public async Task WaitUntilAsync(Func<FakeControlPlane, bool> condition, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (!condition(this))
        {
            try
            {
                await _changed.WaitAsync(TimeSpan.FromMilliseconds(250), cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting until {what}. Requests so far: {string.Join(", ", _requests.Select(r => r.Path))}");
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.Headers.Authorization.ToString(), body, DateTimeOffset.UtcNow);
        var answer = Answer(request);
        _requests.Enqueue(request);
        _changed.Release();

        context.Response.StatusCode = answer.Status;
        if (answer.Body is not null)
        {
            context.Response.ContentType = answer.Status >= 400 ? "application/problem+json" : "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(answer.Body), context.RequestAborted).ConfigureAwait(false);
        }
    }

    private FakeAnswer Answer(RecordedRequest request)
    {
        if (request.Path == AgentRoutes.DesiredContainers)
        {
            return AnswerDesiredContainers(request);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return new FakeAnswer(405);
        }

        if (request.Path == AgentRoutes.Register)
        {
            var number = Interlocked.Increment(ref _registerCalls);
            if (OnRegister?.Invoke(request, number) is { } custom)
            {
                return custom;
            }

            var token = request.Json.GetProperty("token").GetString() ?? string.Empty;
            if (_nodesByToken.ContainsKey(token))
            {
                return FakeAnswer.Problem(401, "The registration token has already been used.");
            }

            var uuid = Guid.NewGuid();
            var secret = $"secret-{uuid:N}";
            _nodesByToken[token] = uuid;
            _nodesBySecret[secret] = uuid;
            return new FakeAnswer(201, new AgentRegistrationResponse(uuid, secret, RegistrationInterval, "lease-0"));
        }

        if (request.Path == AgentRoutes.Heartbeat)
        {
            var number = Interlocked.Increment(ref _heartbeatCalls);
            if (OnHeartbeat?.Invoke(request, number) is { } custom)
            {
                return custom;
            }

            var secret = SecretOf(request);
            if (secret is null)
            {
                return FakeAnswer.Problem(401, "A node secret is required.");
            }

            if (_rotatedSecrets.ContainsKey(secret))
            {
                return FakeAnswer.Problem(401, "The node secret was replaced by a newer one (rotated).");
            }

            return _nodesBySecret.ContainsKey(secret)
                ? new FakeAnswer(200, new HeartbeatResponse(HeartbeatInterval, Generation, $"lease-{number}"))
                : FakeAnswer.Problem(404, "No such node.");
        }

        if (request.Path == AgentRoutes.RotateSecret)
        {
            // The old secret stops working at once; the new one takes its place.
            if (SecretOf(request) is not { } secret || !_nodesBySecret.TryRemove(secret, out var uuid))
            {
                return FakeAnswer.Problem(401, "The node secret is missing or not valid.");
            }

            _rotatedSecrets[secret] = uuid;
            var rotated = $"secret-{Guid.NewGuid():N}";
            _nodesBySecret[rotated] = uuid;
            return new FakeAnswer(200, new SecretRotationResponse(uuid, rotated, "lease-rotated"));
        }

        return FakeAnswer.Problem(404, "No such route.");
    }

    private FakeAnswer AnswerDesiredContainers(RecordedRequest request)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return new FakeAnswer(405);
        }

        var number = Interlocked.Increment(ref _containerCalls);
        if (OnDesiredContainers?.Invoke(request, number) is { } custom)
        {
            return custom;
        }

        return SecretOf(request) is { } secret && _nodesBySecret.ContainsKey(secret)
            ? new FakeAnswer(200, new DesiredContainers(Generation, DesiredContainers))
            : FakeAnswer.Problem(401, "The node secret is missing or not valid.");
    }

    private static string? SecretOf(RecordedRequest request) =>
        request.Authorization is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _changed.Dispose();
    }
}
