using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Tests.Support;

namespace FunctionsCloud.Agent.Tests.Identity;

public sealed class IdentityStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Missing_identity_loads_as_null()
    {
        var store = new IdentityStore(_dir.Combine("not-yet"));

        Assert.False(store.Exists);
        Assert.Null(store.Load());
    }

    [Fact]
    public void Saved_identity_is_owner_only_and_loads_back()
    {
        var store = new IdentityStore(_dir.Combine("state"));
        var identity = new NodeIdentity(Guid.NewGuid(), "s3cret");

        store.Save(identity);
        store.Save(identity with { NodeSecret = "s3cret-2" });

        Assert.Equal(identity with { NodeSecret = "s3cret-2" }, new IdentityStore(_dir.Combine("state")).Load());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, Posix.ModeOf(store.FilePath));
        Assert.Equal([IdentityStore.FileName], Directory.GetFiles(_dir.Combine("state")).Select(Path.GetFileName));
        Assert.DoesNotContain("s3cret", identity.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Saved_identity_uses_the_wire_names()
    {
        var store = new IdentityStore(_dir.Path);
        var uuid = Guid.NewGuid();

        store.Save(new NodeIdentity(uuid, "abc"));

        Assert.Equal($$"""{"uuid":"{{uuid}}","node_secret":"abc"}""", File.ReadAllText(store.FilePath));
    }

    [Theory]
    [InlineData("{ broken")]
    [InlineData("""{"uuid":"00000000-0000-0000-0000-000000000000","node_secret":"x"}""")]
    [InlineData("""{"uuid":"6f1c1a52-2f35-4a8e-9d37-0e4c3c7a1b11"}""")]
    public void Unusable_identity_file_is_reported(string content)
    {
        var store = new IdentityStore(_dir.Path);
        File.WriteAllText(store.FilePath, content);

        var error = Assert.Throws<InvalidDataException>(store.Load);
        Assert.Contains(store.FilePath, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
