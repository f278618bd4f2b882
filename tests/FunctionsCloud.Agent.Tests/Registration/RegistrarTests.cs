using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Registration;
using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Testing.Agents;

namespace FunctionsCloud.Agent.Tests.Registration;

public sealed class RegistrarTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private FakeControlPlane _controlPlane = null!;

    public async Task InitializeAsync() => _controlPlane = await FakeControlPlane.StartAsync();

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Registers_with_the_token_and_inventory_and_stores_the_identity()
    {
        _controlPlane.RegistrationInterval = 42;
        using var agent = new AgentParts(_controlPlane, _dir.Path, token: "tok-123", dockerVersion: "27.5.1");

        var node = await agent.Registrar.EnsureRegisteredAsync(CancellationToken.None);

        var registration = Assert.Single(_controlPlane.Registrations);
        var body = registration.Json;
        Assert.Equal("tok-123", body.GetProperty("token").GetString());
        Assert.Equal("test-host", body.GetProperty("hostname").GetString());
        var inventory = body.GetProperty("inventory");
        Assert.Equal(Environment.ProcessorCount, inventory.GetProperty("cpu").GetInt32());
        Assert.True(inventory.GetProperty("memory").GetInt64() > 0);
        Assert.True(inventory.GetProperty("disk").GetInt64() > 0);
        Assert.Equal("27.5.1", inventory.GetProperty("docker_version").GetString());
        Assert.Null(registration.Authorization is { Length: > 0 } ? registration.Authorization : null);

        Assert.True(node.RegisteredNow);
        Assert.Equal(TimeSpan.FromSeconds(42), node.HeartbeatInterval);
        Assert.Equal(_controlPlane.NodesBySecret[node.Identity.NodeSecret], node.Identity.Uuid);
        Assert.Equal(node.Identity, new IdentityStore(_dir.Path).Load());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, Posix.ModeOf(agent.Identities.FilePath));
    }

    [Fact]
    public async Task Every_attempt_even_after_a_restart_sends_the_host_key_kept_in_the_state_directory()
    {
        _controlPlane.OnRegister = (_, n) => n == 1 ? FakeAnswer.Problem(503, "The control plane is starting.") : null;
        using (var first = new AgentParts(_controlPlane, _dir.Path))
            await first.Registrar.EnsureRegisteredAsync(CancellationToken.None);
        File.Delete(Path.Combine(_dir.Path, IdentityStore.FileName)); // as if the answer to the second attempt was lost too
        using (var restarted = new AgentParts(_controlPlane, _dir.Path, token: "token-2")) // this fake spends a token at its first success
            await restarted.Registrar.EnsureRegisteredAsync(CancellationToken.None);

        var keys = _controlPlane.Registrations.Select(r => r.Json.GetProperty("host_key").GetString()).ToList();
        Assert.Equal(3, keys.Count);
        Assert.Single(keys.Distinct());
        var keyFile = Path.Combine(_dir.Path, IdentityStore.HostKeyFileName);
        Assert.Equal(keys[0], File.ReadAllText(keyFile));
        Assert.True(keys[0]!.Length >= 32);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, Posix.ModeOf(keyFile));
    }

    [Fact]
    public async Task A_stored_identity_is_reused_without_registering()
    {
        var identity = new NodeIdentity(Guid.NewGuid(), "kept-secret");
        new IdentityStore(_dir.Path).Save(identity);
        using var agent = new AgentParts(_controlPlane, _dir.Path, token: null);

        var node = await agent.Registrar.EnsureRegisteredAsync(CancellationToken.None);

        Assert.Equal(identity, node.Identity);
        Assert.False(node.RegisteredNow);
        Assert.Empty(_controlPlane.Requests);
    }

    [Fact]
    public async Task An_unwritable_state_directory_is_reported_before_the_token_is_spent()
    {
        var file = Path.Combine(_dir.Path, "a-file");
        File.WriteAllText(file, "not a directory");
        using var agent = new AgentParts(_controlPlane, Path.Combine(file, "state"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => agent.Registrar.EnsureRegisteredAsync(CancellationToken.None));

        Assert.Contains("cannot be written", error.Message, StringComparison.Ordinal);
        Assert.Empty(_controlPlane.Requests);
    }

    [Fact]
    public async Task A_refused_token_is_logged_plainly_and_retried()
    {
        _controlPlane.OnRegister = (_, n) => n <= 2 ? FakeAnswer.Problem(401, "The registration token has expired.") : null;
        using var agent = new AgentParts(_controlPlane, _dir.Path, token: "tok-401");

        var node = await agent.Registrar.EnsureRegisteredAsync(CancellationToken.None);

        Assert.Equal(3, _controlPlane.Registrations.Count);
        Assert.All(_controlPlane.Registrations, r => Assert.Equal("tok-401", r.Json.GetProperty("token").GetString()));
        var refusals = agent.Logs.Lines.Where(l => l.Contains("expired, already used or revoked", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, l => Assert.Contains("HTTP 401 Unauthorized: The registration token has expired.", l, StringComparison.Ordinal));
        Assert.DoesNotContain("tok-401", agent.Logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(node.Identity.NodeSecret, agent.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_are_logged_with_status_and_detail_and_retried()
    {
        _controlPlane.OnRegister = (_, n) => n switch
        {
            1 => FakeAnswer.Problem(503, "Storage is warming up."),
            2 => new FakeAnswer(500),
            _ => null,
        };
        using var agent = new AgentParts(_controlPlane, _dir.Path);

        await agent.Registrar.EnsureRegisteredAsync(CancellationToken.None);

        Assert.Equal(3, _controlPlane.Registrations.Count);
        Assert.Contains(agent.Logs.Lines, l => l.Contains("attempt 1 failed (HTTP 503 ServiceUnavailable: Storage is warming up.)", StringComparison.Ordinal));
        Assert.Contains(agent.Logs.Lines, l => l.Contains("attempt 2 failed (HTTP 500 InternalServerError)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_control_plane_is_retried_until_cancelled()
    {
        var gone = await FakeControlPlane.StartAsync();
        var url = gone.Url;
        await gone.DisposeAsync();
        using var agent = new AgentParts(url, _dir.Path);
        using var cts = new CancellationTokenSource();

        var run = agent.Registrar.EnsureRegisteredAsync(cts.Token);
        await WaitForAsync(() => agent.Logs.Lines.Count(l => l.Contains("cannot reach", StringComparison.Ordinal)) >= 3);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.False(File.Exists(agent.Identities.FilePath));
    }

    [Fact]
    public void Backoff_grows_exponentially_with_jitter_up_to_the_cap()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(7));

        for (var attempt = 0; attempt < 12; attempt++)
        {
            var ceiling = Math.Min(60, Math.Pow(2, attempt));
            var delay = backoff.Delay(attempt).TotalSeconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }

        Assert.Equal(TimeSpan.FromSeconds(60), RetryBackoff.Default.Cap);
        Assert.Equal(TimeSpan.FromSeconds(1), RetryBackoff.Default.Initial);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
