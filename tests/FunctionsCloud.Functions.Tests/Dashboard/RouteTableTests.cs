using FunctionsCloud.Functions.Dashboard;
using FunctionsCloud.Testing.BadInput;

namespace FunctionsCloud.Functions.Tests.Dashboard;

/// <summary>How the HTTP routes sit together now that host.json has no route prefix and the dashboard takes the rest.</summary>
public sealed class RouteTableTests
{
    private static readonly IReadOnlyList<(string Function, string Route)> HttpFunctions =
        HttpRoute.All.Select(r => (r.Function, r.Template)).Distinct().ToList();

    [Fact]
    public void Every_api_route_keeps_its_public_path_under_api()
    {
        var apiRoutes = HttpFunctions.Where(f => f.Function != DashboardFunction.Name).ToList();

        Assert.NotEmpty(apiRoutes);
        Assert.All(apiRoutes, f => Assert.StartsWith("api/", f.Route, StringComparison.Ordinal));
    }

    [Fact]
    public void The_dashboard_is_the_last_route_the_functions_host_tries()
    {
        // The Functions host orders functions by name (ordinal, ignoring case) and routes to the first whose route matches.
        var last = HttpFunctions.Select(f => f.Function).Order(StringComparer.OrdinalIgnoreCase).Last();

        Assert.Equal(DashboardFunction.Name, last);
        Assert.Equal("{*path}", Assert.Single(HttpFunctions, f => f.Function == DashboardFunction.Name).Route);
    }
}
