using FunctionsCloud.LocalHost.Http;

namespace FunctionsCloud.LocalHost.Tests;

public sealed class HttpFunctionEndpointsTests
{
    [Theory]
    [InlineData("api", "widgets/{id}", "api/widgets/{id}")]
    [InlineData("/v2/", "/widgets/", "v2/widgets")]
    [InlineData("api", "", "api")]
    [InlineData("", "api/widgets/{id}", "api/widgets/{id}")]
    [InlineData("", "{*path}", "{*path}")]
    public void Routes_sit_under_the_host_json_prefix_when_there_is_one(string prefix, string route, string pattern) =>
        Assert.Equal(pattern, HttpFunctionEndpoints.RoutePattern(prefix, route));
}
