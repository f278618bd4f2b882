using FunctionsCloud.Application.ServiceOperations;

namespace FunctionsCloud.Application.Tests.ServiceOperations.Support;

internal static class AwaitedAssert
{
    /// <summary>The same containers awaited, in any order (steps list them in the store's uuid order).</summary>
    public static void Same(IEnumerable<AwaitedContainer> expected, IEnumerable<AwaitedContainer> actual) =>
        Assert.Equal(expected.OrderBy(a => a.Uuid), actual.OrderBy(a => a.Uuid));
}
