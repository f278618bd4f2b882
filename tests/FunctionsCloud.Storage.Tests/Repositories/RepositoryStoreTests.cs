using FunctionsCloud.Storage.Repositories;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Repositories;

[Collection(AzuriteCollection.Name)]
public sealed class RepositoryStoreTests
{
    private readonly TestStorage _storage = new(AzuriteFixture.UniquePrefix());

    private static RepositoryRecord Sample(string canonical = "registry.example.com:5000/team/app") => new()
    {
        Namespace = Samples.Namespace,
        Canonical = canonical,
        Username = "ci",
        Sealed = "sealed-by-the-vault",
        CreatedAt = Samples.At(1),
        CreatedBy = "alice",
        UpdatedAt = Samples.At(2),
    };

    [Fact]
    public async Task Every_field_round_trips_and_a_name_with_slashes_is_a_key()
    {
        var repository = Sample();
        PropertyAssert.NoDefaults(repository);

        Assert.True(await _storage.Repositories.TryAddAsync(repository));
        var stored = await _storage.Repositories.GetAsync(repository.Namespace, repository.Canonical);

        PropertyAssert.AllEqual(repository, stored!);
        Assert.Equal([repository.Canonical], (await _storage.Repositories.ListAsync(repository.Namespace)).Select(r => r.Canonical));
    }

    [Fact]
    public async Task A_second_registration_is_refused_a_replace_changes_and_a_delete_forgets()
    {
        var repository = Sample("docker.io/team/app");
        Assert.True(await _storage.Repositories.TryAddAsync(repository));

        Assert.False(await _storage.Repositories.TryAddAsync(repository with { Username = "other" }));
        await _storage.Repositories.ReplaceAsync(repository with { Username = "deploy" });
        Assert.Equal("deploy", (await _storage.Repositories.GetAsync(repository.Namespace, repository.Canonical))!.Username);

        Assert.True(await _storage.Repositories.DeleteAsync(repository.Namespace, repository.Canonical));
        Assert.False(await _storage.Repositories.DeleteAsync(repository.Namespace, repository.Canonical));
        Assert.Null(await _storage.Repositories.GetAsync(repository.Namespace, repository.Canonical));
        Assert.Empty(await _storage.Repositories.ListAsync("another-namespace"));
    }
}
