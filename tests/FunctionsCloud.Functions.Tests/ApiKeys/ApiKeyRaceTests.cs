using System.Net;
using System.Net.Http.Json;
using FunctionsCloud.Application.ApiKeys;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Storage.ApiKeys;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Functions.Tests.ApiKeys;

/// <summary>Creations that race each other: the label stays unique and the limit holds, whatever lands first.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiKeyRaceTests(BurstApiKeyHostFixture fixture) : IClassFixture<BurstApiKeyHostFixture>
{
    private const int Burst = 20;

    private readonly FunctionsCloudTestHost _app = fixture.App;

    [Fact]
    public async Task Twenty_creations_with_one_label_at_once_make_one_key_and_nineteen_409s()
    {
        using var ruth = await _app.NewUserAsync("ruth");

        var answers = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => ruth.PostAsJsonAsync(ApiKeyUsers.Collection, new { label = "deploy" })));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(Burst - 1, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(await ruth.ListKeysAsync(), k => (string?)k!["label"] == "deploy");
    }

    [Fact]
    public async Task Creations_at_once_at_the_limit_never_go_above_it()
    {
        using var sam = await _app.NewUserAsync("sam");
        const int room = 5;
        await HaveLiveKeysAsync("sam", ApiKeyService.MaxKeysPerUser - room);

        var answers = await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => sam.PostAsJsonAsync(ApiKeyUsers.Collection, new { label = $"burst-{i}" })));

        Assert.Equal(room, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(Burst - room, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(ApiKeyService.MaxKeysPerUser, (await _app.Services.GetRequiredService<IApiKeyStore>().ListAsync("sam")).Count(k => !k.Revoked));
    }

    /// <summary>Tops the user's live keys (the first included) up to <paramref name="count"/>, straight into the store.</summary>
    private async Task HaveLiveKeysAsync(string user, int count)
    {
        var store = _app.Services.GetRequiredService<IApiKeyStore>();
        var have = (await store.ListAsync(user)).Count(k => !k.Revoked);
        await Task.WhenAll(Enumerable.Range(have, count - have).Select(i => store.UpsertAsync(new ApiKeyRecord
        {
            User = user, KeyHash = ApiKeyHasher.Hash(ApiKeyHasher.NewKey()), Namespace = user + "-ns", Uuid = Guid.NewGuid(), Label = $"seed-{i}",
            CreatedAt = DateTimeOffset.UtcNow,
        })));
    }
}
