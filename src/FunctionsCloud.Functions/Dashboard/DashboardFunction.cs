using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Dashboard;

/// <summary>The dashboard at the site root, beside the API under /api/ (same origin: no CORS, one deployment).</summary>
public sealed class DashboardFunction(DashboardFiles files)
{
    /// <summary>
    /// Sorts after every other HTTP function's name on purpose. The Functions host registers routes in function-name
    /// order and takes the first that matches, not the most specific one as ASP.NET Core does (the local host), so the
    /// catch-all must come last to lose to every API route there too. A test keeps it last.
    /// </summary>
    public const string Name = "WebDashboard";

    [Function(Name)]
    public IResult Serve([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{*path}")] HttpRequest request) => files.Serve(request);
}
