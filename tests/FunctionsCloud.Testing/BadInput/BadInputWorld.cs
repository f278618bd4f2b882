using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Agents;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Testing.BadInput;

/// <summary>
/// What bad requests aim at: a node cluster, a service with a trigger, a stack and a registration token of the admin's
/// namespace (made over the API), so that spoiled bodies and queries meet real objects, and credentials that name
/// nothing.
/// </summary>
public sealed class BadInputWorld
{
    private readonly Dictionary<string, string> _ids;

    private BadInputWorld(string adminAuthorization, string unknownNodeSecret, Dictionary<string, string> ids)
    {
        AdminAuthorization = adminAuthorization;
        UnknownNodeSecret = unknownNodeSecret;
        _ids = ids;
    }

    public string AdminAuthorization { get; }

    /// <summary>A node secret signed with the app's key for a node that does not exist: agent routes read on past it.</summary>
    public string UnknownNodeSecret { get; }

    public static async Task<BadInputWorld> CreateAsync(FunctionsCloudTestHost app)
    {
        var cluster = await app.CreateClusterAsync("corpus", 1);
        var service = await CreatedAsync(app, "/api/app/v1/service/", new { name = "corpus", image_name = "functionscloud/busybox" });
        var trigger = await CreatedAsync(app, (string)service["resource_uri"]! + "trigger/", new { name = "corpus", operation = "REDEPLOY" });
        var token = await CreatedAsync(app, "/api/infra/v1/token/", new { uses = 1 });
        var stack = await CreatedAsync(app, "/api/app/v1/stack/",
            new { name = "corpus", services = new[] { new { name = "corpus-db", image_name = "functionscloud/busybox" } } });
        var secret = app.Services.GetRequiredService<NodeCredentials>()
            .IssueNodeSecret(new NodeIdentity(FunctionsCloudTestHost.AdminNamespace, Guid.NewGuid()));
        return new BadInputWorld(BasicCredentials.Header(FunctionsCloudTestHost.AdminUser, app.AdminKey), secret, new Dictionary<string, string>
        {
            ["api/infra/v1/nodecluster/{uuid}"] = (string)cluster["uuid"]!,
            ["api/app/v1/service/{uuid}"] = (string)service["uuid"]!,
            ["trigger/{uuid}"] = (string)trigger["uuid"]!,
            ["api/infra/v1/token/{uuid}"] = (string)token["uuid"]!,
            ["api/app/v1/stack/{uuid}"] = (string)stack["uuid"]!,
        });
    }

    /// <summary>
    /// The value of a route parameter that names something real (or valid), or null when the world has none for it:
    /// then every value sent is spoiled. Trigger secrets never have one.
    /// </summary>
    public string? Known(HttpRoute route, string parameter) => parameter switch
    {
        "uuid" => _ids.FirstOrDefault(id => route.Template.Contains(id.Key, StringComparison.Ordinal)).Value,
        "service" => _ids["api/app/v1/service/{uuid}"],
        "provider" => route.Template.Contains("/account", StringComparison.Ordinal) ? "digitalocean" : "local",
        "name" => "local",
        // A platform it knows makes the local host build the agent, a minute's work that bad input does not need.
        "platform" => null,
        "steps" => "2",
        "path" => "nodeclusters",
        _ => null,
    };

    private static async Task<JsonObject> CreatedAsync(FunctionsCloudTestHost app, string path, object body)
    {
        var response = await app.Client.PostAsJsonAsync(path, body);
        await FunctionsCloudTestHost.ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
