namespace FunctionsCloud.Application.Tests.Support;

/// <summary>A clock that always says the same time.</summary>
internal sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
