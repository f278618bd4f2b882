using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Catalog;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Catalog;

/// <summary>The read-only catalog: providers, regions, availability zones, node types.</summary>
public sealed class CatalogFunctions(CatalogView catalog)
{
    [Function("ListProviders")]
    public async Task<IResult> ListProviders([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/infra/v1/provider")] HttpRequest request) =>
        List(request, catalog.Providers(await AvailabilityAsync(request)), CatalogView.ProviderFields);

    [Function("GetProvider")]
    public async Task<IResult> GetProvider([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/infra/v1/provider/{name}")] HttpRequest request, string name) =>
        ApiResults.Ok(catalog.FindProvider(name, await AvailabilityAsync(request)) ?? throw new ResourceNotFoundException("provider", name));

    [Function("ListRegions")]
    public async Task<IResult> ListRegions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/infra/v1/region")] HttpRequest request) =>
        List(request, catalog.Regions(await AvailabilityAsync(request)), CatalogView.RegionFields);

    [Function("GetRegion")]
    public async Task<IResult> GetRegion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/infra/v1/region/{provider}/{name}")] HttpRequest request, string provider, string name) =>
        ApiResults.Ok(catalog.FindRegion(provider, name, await AvailabilityAsync(request)) ?? throw new ResourceNotFoundException("region", $"{provider}/{name}"));

    [Function("ListNodeTypes")]
    public async Task<IResult> ListNodeTypes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/infra/v1/nodetype")] HttpRequest request) =>
        List(request, catalog.NodeTypes(await AvailabilityAsync(request)), CatalogView.NodeTypeFields);

    [Function("GetNodeType")]
    public async Task<IResult> GetNodeType(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/infra/v1/nodetype/{provider}/{name}")] HttpRequest request, string provider, string name) =>
        ApiResults.Ok(catalog.FindNodeType(provider, name, await AvailabilityAsync(request)) ?? throw new ResourceNotFoundException("node type", $"{provider}/{name}"));

    [Function("ListAvailabilityZones")]
    public async Task<IResult> ListAvailabilityZones([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/infra/v1/az")] HttpRequest request) =>
        List(request, catalog.AvailabilityZones(await AvailabilityAsync(request)), CatalogView.AvailabilityZoneFields);

    [Function("GetAvailabilityZone")]
    public async Task<IResult> GetAvailabilityZone(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/infra/v1/az/{provider}/{name}")] HttpRequest request, string provider, string name) =>
        ApiResults.Ok(catalog.FindAvailabilityZone(provider, name, await AvailabilityAsync(request))
            ?? throw new ResourceNotFoundException("availability zone", $"{provider}/{name}"));

    private Task<ProviderAvailability> AvailabilityAsync(HttpRequest request) =>
        catalog.AvailabilityAsync(request.Caller().Namespace, request.HttpContext.RequestAborted);

    private static IResult List<T>(HttpRequest request, IEnumerable<T> items, IReadOnlyDictionary<string, Func<T, string?>> fields)
    {
        var list = request.ListRequest(fields.Keys.ToHashSet());
        return ApiResults.List(request, list, InMemoryLists.Apply(items, list, fields));
    }
}
