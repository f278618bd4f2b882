namespace FunctionsCloud.Domain.Resources;

/// <summary>Docker Cloud's resource paths. Every object carries its own as resource_uri.</summary>
public static class ResourceUris
{
    public const string Infra = "/api/infra/v1";
    public const string Audit = "/api/audit/v1";
    public const string App = "/api/app/v1";
    public const string Account = "/api/account/v1";
    public const string Repo = "/api/repo/v1";

    public static string Provider(string name) => $"{Infra}/provider/{name}/";
    public static string ProviderAccount(string provider) => $"{Infra}/provider/{provider}/account/";
    public static string Region(string provider, string name) => $"{Infra}/region/{provider}/{name}/";
    public static string NodeType(string provider, string name) => $"{Infra}/nodetype/{provider}/{name}/";
    public static string AvailabilityZone(string provider, string name) => $"{Infra}/az/{provider}/{name}/";
    public static string NodeCluster(Guid uuid) => $"{Infra}/nodecluster/{uuid:D}/";
    public static string Node(Guid uuid) => $"{Infra}/node/{uuid:D}/";
    public static string Service(Guid uuid) => $"{App}/service/{uuid:D}/";
    public static string Stack(Guid uuid) => $"{App}/stack/{uuid:D}/";
    public static string Container(Guid uuid) => $"{App}/container/{uuid:D}/";
    public static string Action(Guid uuid) => $"{Audit}/action/{uuid:D}/";
    /// <summary>Repositories are addressed by their name, slashes and all (registry.example.com/team/app).</summary>
    public static string Repository(string name) => $"{Repo}/repository/{name}/";
    public static string Event(Guid uuid) => $"{Audit}/event/{uuid:D}/";
    public static string RegistrationToken(Guid uuid) => $"{Infra}/token/{uuid:D}/";
    public static string ApiKey(Guid uuid) => $"{Account}/apikey/{uuid:D}/";
    public static string User(string name) => $"{Account}/user/{name}/";
    public static string Me => $"{Account}/me/";
    public static string Organization(string name) => $"{Account}/organization/{name}/";
    public static string Team(string organization, string name) => $"{Organization(organization)}team/{name}/";

    /// <summary>Parses "/api/infra/v1/{kind}/{provider}/{name}/" (with or without host and trailing slash).</summary>
    public static bool TryParseCatalogUri(string? uri, string kind, out string provider, out string name)
    {
        provider = name = "";
        if (string.IsNullOrWhiteSpace(uri))
            return false;
        var path = Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.AbsolutePath : uri;
        var parts = path.Trim('/').Split('/');
        if (parts is not ["api", "infra", "v1", var k, var p, var n] || k != kind || p.Length == 0 || n.Length == 0)
            return false;
        (provider, name) = (p, n);
        return true;
    }
}
