using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Storage.ApiKeys;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FunctionsCloud.Application.Tests.Authentication;

/// <summary>A key's last use is written once a minute per instance, not once per request.</summary>
public sealed class KeyUseRecorderTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-03T12:00:00Z");

    [Fact]
    public async Task Many_uses_of_a_key_write_once_and_another_key_writes_its_own()
    {
        var keys = new Mock<IApiKeyStore>();
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var recorder = new KeyUseRecorder(keys.Object, cache, NullLogger<KeyUseRecorder>.Instance);
        var (busy, other) = (Key("a"), Key("b"));

        for (var i = 0; i < 20; i++)
            await recorder.RecordAsync(busy, Now.AddSeconds(i), CancellationToken.None);
        await recorder.RecordAsync(other, Now, CancellationToken.None);

        keys.Verify(k => k.RecordUseAsync("alice", busy.KeyHash, Now, It.IsAny<CancellationToken>()), Times.Once);
        keys.Verify(k => k.RecordUseAsync("alice", other.KeyHash, Now, It.IsAny<CancellationToken>()), Times.Once);
        keys.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_use_that_cannot_be_written_fails_no_request_and_is_tried_again_a_minute_later_not_sooner()
    {
        var keys = new Mock<IApiKeyStore>();
        keys.Setup(k => k.RecordUseAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Azure.RequestFailedException(503, "Server busy"));
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var recorder = new KeyUseRecorder(keys.Object, cache, NullLogger<KeyUseRecorder>.Instance);

        await recorder.RecordAsync(Key("a"), Now, CancellationToken.None);
        await recorder.RecordAsync(Key("a"), Now.AddSeconds(1), CancellationToken.None);

        keys.Verify(k => k.RecordUseAsync("alice", Key("a").KeyHash, Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Looking_at_a_credential_without_acting_on_it_records_no_use()
    {
        var key = Key("a") with { Role = Domain.Accounts.Role.Operator };
        var keys = new Mock<IApiKeyStore>();
        keys.Setup(k => k.FindAsync("alice", It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(key);
        keys.Setup(k => k.RevocationGenerationAsync(It.IsAny<CancellationToken>())).ReturnsAsync("");
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var access = new NamespaceAccess(new Mock<FunctionsCloud.Storage.Users.IAccountStore>().Object, keys.Object, clock);
        var authenticator = new ApiKeyAuthenticator(keys.Object, access, cache, new RevocationWatch(keys.Object, clock),
            new KeyUseRecorder(keys.Object, cache, NullLogger<KeyUseRecorder>.Instance), clock);
        var header = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("alice:secret"));

        var caller = await authenticator.AuthenticateAsync(header, CancellationToken.None, recordUse: false);

        Assert.Equal(("alice", Domain.Accounts.Role.Operator), (caller.Namespace, caller.Role));
        keys.Verify(k => k.RecordUseAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static ApiKeyRecord Key(string hashLetter) => new() { User = "alice", KeyHash = new string(hashLetter[0], 64), Namespace = "alice" };
}
