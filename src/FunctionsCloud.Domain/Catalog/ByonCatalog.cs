namespace FunctionsCloud.Domain.Catalog;

/// <summary>Hosts brought by their owners: in the catalog so that their nodes name a provider, region and type.</summary>
public static class ByonCatalog
{
    public const string Provider = "byon";
    public const string Region = "byon";
    public const string NodeType = "byon";

    public const string NotForClusters =
        "Your own hosts are not deployed in node clusters: get a registration token (POST /api/infra/v1/token/) and run its install command on the host.";
}
