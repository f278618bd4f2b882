using Azure.Storage.Queues;
using FunctionsCloud.LocalHost.Azurite;
using FunctionsCloud.LocalHost.Configuration;
using FunctionsCloud.LocalHost.LocalRun;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Tests;

/// <summary>What the local run keeps in its state folder comes back on the next start.</summary>
public sealed class LocalRunStateTests : IDisposable
{
    private readonly LocalRunState _state = new(Path.Combine(Path.GetTempPath(), "fc-local-run-tests", Guid.NewGuid().ToString("N")));

    public void Dispose() => _state.Delete();

    [Fact]
    public void Keys_made_for_the_run_are_kept_owner_only_and_found_again()
    {
        _state.Create();
        var first = LocalRunSecrets.Complete(new ConfigurationBuilder().Build(), _state.SecretsFile, out var firstKey, out _);
        var second = LocalRunSecrets.Complete(new ConfigurationBuilder().Build(), _state.SecretsFile, out var secondKey, out _);

        Assert.NotNull(firstKey);
        Assert.Equal(firstKey, secondKey);
        Assert.Equal(first[LocalRunSecrets.CredentialKeySetting], second[LocalRunSecrets.CredentialKeySetting]);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_state.SecretsFile));
    }

    [Fact]
    public void Configured_keys_are_used_and_never_stored()
    {
        _state.Create();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [LocalRunSecrets.CredentialKeySetting] = "configured-credential-key",
            [LocalRunSecrets.ApiKeySetting] = "configured-api-key",
        }).Build();

        var completed = LocalRunSecrets.Complete(settings, _state.SecretsFile, out var generated, out _);

        Assert.Null(generated);
        Assert.Equal("configured-api-key", completed[LocalRunSecrets.ApiKeySetting]);
        Assert.False(File.Exists(_state.SecretsFile));
    }

    [Fact]
    public async Task Azurite_with_a_data_folder_keeps_its_data_when_stopped_and_started_again()
    {
        await using var azurite = await AzuriteLauncher.StartPrivateAsync(_state.AzuriteData);
        var queue = new QueueClient(azurite.ConnectionString, "kept");
        await queue.CreateAsync();
        await queue.SendMessageAsync("still here");

        await azurite.StopAsync();
        await azurite.StartAgainAsync();

        var peeked = await queue.PeekMessagesAsync();
        Assert.Equal("still here", Assert.Single(peeked.Value).MessageText);
    }
}
