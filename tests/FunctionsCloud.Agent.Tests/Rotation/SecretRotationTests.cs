using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Rotation;
using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Testing.Agents;

namespace FunctionsCloud.Agent.Tests.Rotation;

public sealed class SecretRotationTests : IAsyncLifetime
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
    public void The_rotate_secret_switch_takes_no_value()
    {
        var result = AgentOptionsLoader.Load(["--api-url", "https://cloud.example.com", "--rotate-secret", "--state-dir", _dir.Path], new Dictionary<string, string?>());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.True(result.Options!.RotateSecret);
        Assert.False(AgentOptionsLoader.Load(["--api-url", "https://cloud.example.com"], new Dictionary<string, string?>()).Options!.RotateSecret);
    }

    [Fact]
    public async Task Rotating_stores_the_new_secret_in_place_of_the_old_which_stops_working()
    {
        var identity = new NodeIdentity(Guid.NewGuid(), "old-secret");
        _controlPlane.KnowNode(identity.Uuid, identity.NodeSecret);
        var store = new IdentityStore(_dir.Path);
        store.Save(identity);
        using var http = new HttpClient();
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await SecretRotation.RunAsync(Options(), http, output, errors, CancellationToken.None);

        Assert.Equal(AgentExitCodes.Success, exit);
        var stored = store.Load()!;
        Assert.Equal(identity.Uuid, stored.Uuid);
        Assert.NotEqual("old-secret", stored.NodeSecret);
        Assert.Equal(identity.Uuid, _controlPlane.NodesBySecret[stored.NodeSecret]);
        Assert.False(_controlPlane.NodesBySecret.ContainsKey("old-secret"));
        Assert.DoesNotContain(stored.NodeSecret, output.ToString(), StringComparison.Ordinal);

        // Refused (the secret on disk is no longer the old one, but the control plane says no): the identity stays.
        _controlPlane.ForgetNode(stored.NodeSecret);
        Assert.Equal(AgentExitCodes.Failure, await SecretRotation.RunAsync(Options(), http, output, errors, CancellationToken.None));
        Assert.Equal(stored, store.Load());
        Assert.Contains("could not be rotated", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_identity_there_is_nothing_to_rotate()
    {
        using var http = new HttpClient();
        using var errors = new StringWriter();

        Assert.Equal(AgentExitCodes.BadOptions, await SecretRotation.RunAsync(Options(), http, TextWriter.Null, errors, CancellationToken.None));
        Assert.Empty(_controlPlane.Rotations);
    }

    private AgentOptions Options() => new()
    {
        ApiUrl = _controlPlane.Url,
        StateDir = _dir.Path,
        DockerHost = new Uri(AgentOptionsLoader.DefaultDockerHost),
        Hostname = "test-host",
        RotateSecret = true,
    };
}
