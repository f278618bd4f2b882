using FunctionsCloud.Testing.BadInput;

namespace FunctionsCloud.Functions.Tests.Http;

/// <summary>The bad-input corpus knows how to call every HTTP function of the app, and only those.</summary>
public sealed class BadInputCoverageTests
{
    [Fact]
    public void Every_http_function_is_in_the_corpus() =>
        Assert.True(BadInputRoutes.Uncovered.Count == 0,
            $"Add these to {nameof(BadInputRoutes)}.{nameof(BadInputRoutes.Uses)}: {string.Join(", ", BadInputRoutes.Uncovered)}");

    [Fact]
    public void The_corpus_names_no_function_the_app_lacks() =>
        Assert.Empty(BadInputRoutes.Uses.Keys.Except(HttpRoute.All.Select(r => r.Function)));
}
