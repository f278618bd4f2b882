using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Storage.ApiKeys;
using Microsoft.Extensions.Caching.Memory;
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
        var recorder = new KeyUseRecorder(keys.Object, cache);
        var (busy, other) = (Key("a"), Key("b"));

        for (var i = 0; i < 20; i++)
            await recorder.RecordAsync(busy, Now.AddSeconds(i), CancellationToken.None);
        await recorder.RecordAsync(other, Now, CancellationToken.None);

        keys.Verify(k => k.RecordUseAsync("alice", busy.KeyHash, Now, It.IsAny<CancellationToken>()), Times.Once);
        keys.Verify(k => k.RecordUseAsync("alice", other.KeyHash, Now, It.IsAny<CancellationToken>()), Times.Once);
        keys.VerifyNoOtherCalls();
    }

    private static ApiKeyRecord Key(string hashLetter) => new() { User = "alice", KeyHash = new string(hashLetter[0], 64), Namespace = "alice" };
}
