using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Testing;
using static FunctionsCloud.Functions.Tests.Services.ServiceArrangements;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Services;

/// <summary>linked_to_service: targets in the same namespace only, by uuid or resource_uri, and never round in a circle.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceLinkApiTests : ServiceAppTests
{
    [Fact]
    public async Task Links_take_a_uuid_or_a_resource_uri_and_default_their_name_to_the_linked_service()
    {
        var db = await Given.CreateAsync("db");
        var cache = await Given.CreateAsync("cache");

        var web = await Given.CreateAsync(new
        {
            image_name = Image,
            name = "web",
            linked_to_service = new object[] { new { to_service = (string)db["uuid"]! }, new { to_service = $"http://example.test{Uri(cache)}", name = "redis" } },
        });

        var links = web["linked_to_service"]!.AsArray();
        Assert.Equal(("db", Uri(db), Uri(web)), ((string?)links[0]!["name"], (string?)links[0]!["to_service"], (string?)links[0]!["from_service"]));
        Assert.Equal(("redis", Uri(cache)), ((string?)links[1]!["name"], (string?)links[1]!["to_service"]));
    }

    [Fact]
    public async Task Another_namespace_service_cannot_be_linked_to()
    {
        using var bob = await Given.OtherNamespaceClientAsync();
        var theirs = await Given.CreateAsync(new { image_name = Image, name = "secret-db" }, bob);

        var response = await App.Client.PostAsJsonAsync("/api/app/v1/service/", new { image_name = Image, name = "web", linked_to_service = new[] { new { to_service = Uri(theirs) } } });

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("linked_to_service", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (int)(await App.GetJsonAsync("/api/app/v1/service/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task Links_that_would_go_round_are_refused_whatever_the_length_of_the_circle()
    {
        var a = await Given.CreateAsync("a");
        var b = await LinkedAsync("b", a);
        var c = await LinkedAsync("c", b);

        foreach (var (service, target, path) in new[] { (a, a, "a → a"), (a, b, "a → b → a"), (a, c, "a → c → b → a") })
        {
            var response = await App.Client.PatchAsJsonAsync(Uri(service), new { linked_to_service = new[] { new { to_service = Uri(target) } } });
            await ExpectAsync(response, HttpStatusCode.BadRequest);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Contains(path, (string)problem["errors"]!["linked_to_service"]![0]!);
        }

        Assert.Empty((await App.GetJsonAsync(Uri(a)))["linked_to_service"]!.AsArray());
        var unlinked = await App.Client.PatchAsJsonAsync(Uri(b), new { linked_to_service = Array.Empty<object>() });
        await ExpectAsync(unlinked, HttpStatusCode.OK);
        await ExpectAsync(await App.Client.PatchAsJsonAsync(Uri(a), new { linked_to_service = new[] { new { to_service = Uri(c) } } }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_same_alias_twice_and_bad_aliases_are_refused()
    {
        var db = await Given.CreateAsync("db");
        var cache = await Given.CreateAsync("cache");

        foreach (var links in new[]
                 {
                     new[] { new { to_service = Uri(db), name = "store" }, new { to_service = Uri(cache), name = "store" } },
                     new[] { new { to_service = Uri(db), name = "my_db" } },
                 })
        {
            var response = await App.Client.PostAsJsonAsync("/api/app/v1/service/", new { image_name = Image, name = "web", linked_to_service = links });
            await ExpectAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains("linked_to_service", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Link_variables_show_what_linkers_get_from_the_running_containers()
    {
        var db = await Given.CreateAsync(new { image_name = "postgres:16", name = "db", container_ports = new[] { new { inner_port = 5432 } },
            container_envvars = new[] { new { key = "POSTGRES_DB", value = "shop" } } });
        var running = await Given.AddContainerAsync(db, 1, ContainerState.Running);
        await Given.AddContainerAsync(db, 2, ContainerState.Stopped);

        var shown = await App.GetJsonAsync(Uri(db));

        var variables = shown["link_variables"]!.AsObject();
        Assert.Equal($"tcp://{running.PrivateIp}:5432", (string?)variables["DB_PORT"]);
        Assert.Equal(("db-1", running.PrivateIp, "shop"), ((string?)variables["DB_1_NAME"], (string?)variables["DB_1_PORT_5432_TCP_ADDR"], (string?)variables["DB_ENV_POSTGRES_DB"]));
        Assert.False(variables.ContainsKey("DB_2_NAME"));
        Assert.Equal((2, 1, 1), ((int)shown["current_num_containers"]!, (int)shown["running_num_containers"]!, (int)shown["stopped_num_containers"]!));
    }

    [Fact]
    public async Task A_list_shows_each_service_as_its_own_page_does()
    {
        var db = await Given.CreateAsync(new { image_name = "postgres:16", name = "db", container_ports = new[] { new { inner_port = 5432 } } });
        await Given.AddContainerAsync(db, 1, ContainerState.Running);
        await Given.AddContainerAsync(db, 2, ContainerState.Stopped);
        var web = await Given.CreateAsync("web");
        await Given.AddContainerAsync(web, 1, ContainerState.Running);
        await Given.CreateAsync("idle");

        var listed = (await App.GetJsonAsync("/api/app/v1/service/"))["objects"]!.AsArray();

        Assert.Equal(3, listed.Count);
        foreach (var service in listed)
            Assert.Equal((await App.GetJsonAsync((string)service!["resource_uri"]!)).ToJsonString(), service.ToJsonString());
        Assert.Equal("db-1", (string?)listed.Single(s => (string?)s!["name"] == "db")!["link_variables"]!["DB_1_NAME"]);
    }

    private Task<JsonObject> LinkedAsync(string name, JsonObject to) =>
        Given.CreateAsync(new { image_name = Image, name, linked_to_service = new[] { new { to_service = Uri(to) } } });
}
