using FunctionsCloud.LocalHost.LocalRun;

namespace FunctionsCloud.LocalHost.Tests;

public sealed class LocalRunLockTests : IDisposable
{
    private readonly LocalRunState _state = new(Path.Combine(Path.GetTempPath(), "functionscloud-tests", "lock-" + Guid.NewGuid().ToString("N")[..8], "local-run"));

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_state.Path)!, recursive: true);

    [Fact]
    public void A_second_run_on_the_same_state_folder_is_refused_until_the_first_has_ended()
    {
        using (var first = LocalRunLock.TryTake(_state))
        {
            Assert.NotNull(first);
            Assert.Null(LocalRunLock.TryTake(_state));
        }

        using var next = LocalRunLock.TryTake(_state);
        Assert.NotNull(next);
    }
}
