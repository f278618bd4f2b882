namespace FunctionsCloud.Application.Tests.ServiceOperations.Support;

internal sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
