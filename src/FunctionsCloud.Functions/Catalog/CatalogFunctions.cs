using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Catalog;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Catalog;

/// <summary>The read-only catalog: providers, regions, node types.</summary>
public sealed class CatalogFunctions(CatalogView catalog)
{
    [Function("ListProviders")]
    public IResult ListProviders([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "infra/v1/provider")] HttpRequest request) =>
        List(request, catalog.Providers(), CatalogView.ProviderFields);

    [Function("GetProvider")]
    public IResult GetProvider([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "infra/v1/provider/{name}")] HttpRequest request, string name) =>
        ApiResults.Ok(catalog.FindProvider(name) ?? throw new ResourceNotFoundException("provider", name));

    [Function("ListRegions")]
    public IResult ListRegions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "infra/v1/region")] HttpRequest request) =>
        List(request, catalog.Regions(), CatalogView.RegionFields);

    [Function("GetRegion")]
    public IResult GetRegion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "infra/v1/region/{provider}/{name}")] HttpRequest request, string provider, string name) =>
        ApiResults.Ok(catalog.FindRegion(provider, name) ?? throw new ResourceNotFoundException("region", $"{provider}/{name}"));

    [Function("ListNodeTypes")]
    public IResult ListNodeTypes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "infra/v1/nodetype")] HttpRequest request) =>
        List(request, catalog.NodeTypes(), CatalogView.NodeTypeFields);

    [Function("GetNodeType")]
    public IResult GetNodeType(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "infra/v1/nodetype/{provider}/{name}")] HttpRequest request, string provider, string name) =>
        ApiResults.Ok(catalog.FindNodeType(provider, name) ?? throw new ResourceNotFoundException("node type", $"{provider}/{name}"));

    private static IResult List<T>(HttpRequest request, IEnumerable<T> items, IReadOnlyDictionary<string, Func<T, string?>> fields)
    {
        var list = request.ListRequest(fields.Keys.ToHashSet());
        return ApiResults.List(request, list, InMemoryLists.Apply(items, list, fields));
    }
}
