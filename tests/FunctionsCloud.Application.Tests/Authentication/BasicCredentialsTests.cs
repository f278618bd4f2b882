using FunctionsCloud.Application.Authentication;

namespace FunctionsCloud.Application.Tests.Authentication;

public class BasicCredentialsTests
{
    [Fact]
    public void Round_trips_user_and_key()
    {
        Assert.True(BasicCredentials.TryParse(BasicCredentials.Header("alice", "k:ey"), out var user, out var key));
        Assert.Equal(("alice", "k:ey"), (user, key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Basic YWxpY2U=")] // "alice", no colon
    [InlineData("Basic OmtleQ==")] // ":key", no user
    public void Refuses_anything_else(string? header) => Assert.False(BasicCredentials.TryParse(header, out _, out _));

    [Fact]
    public void Keys_are_hashed_the_same_way_every_time_and_never_kept_plain()
    {
        var key = ApiKeyHasher.NewKey();

        Assert.Equal(64, key.Length);
        Assert.Equal(ApiKeyHasher.Hash(key), ApiKeyHasher.Hash(key));
        Assert.DoesNotContain(key, ApiKeyHasher.Hash(key));
    }
}
