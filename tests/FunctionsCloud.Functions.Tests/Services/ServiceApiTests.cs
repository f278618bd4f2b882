using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Testing;
using static FunctionsCloud.Functions.Tests.Services.ServiceArrangements;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Services;

/// <summary>The service API as Docker Cloud clients use it: create, read, list and patch.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceApiTests : ServiceAppTests
{
    [Fact]
    public async Task Create_answers_201_with_every_field_in_Docker_Cloud_shape()
    {
        var db = await Given.CreateAsync("db");

        var response = await App.Client.PostAsJsonAsync("/api/app/v1/service/", new
        {
            image_name = Image,
            name = "web",
            nickname = "Front end",
            target_num_containers = 3,
            deployment_strategy = "HIGH_AVAILABILITY",
            tags = new[] { new { name = "eu" } },
            container_ports = new object[] { new { protocol = "tcp", inner_port = 80, outer_port = 8080 }, new { inner_port = 9000 } },
            container_envvars = new[] { new { key = "MODE", value = "prod mode" } },
            linked_to_service = new[] { new { to_service = Uri(db), name = "database" } },
            run_command = "httpd -f -p 80 -h '/var/www html'",
            entrypoint = "/bin/sh -c",
            working_dir = "/www",
            memory = 256,
            cpu_shares = 512,
            autorestart = "ON_FAILURE",
            autodestroy = "always",
            autoredeploy = true,
            sequential_deployment = true,
            roles = Array.Empty<string>(),
        });

        await ExpectAsync(response, HttpStatusCode.Created);
        var web = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var uuid = (string)web["uuid"]!;
        Assert.True(Domain.Identifiers.Uuid4.IsUuid4(uuid));
        Assert.Equal($"/api/app/v1/service/{uuid}/", Uri(web));
        Assert.Equal(response.Headers.Location!.ToString(), Uri(web));
        Assert.Equal((Image, "web", "Front end", "Not running"), ((string?)web["image_name"], (string?)web["name"], (string?)web["nickname"], (string?)web["state"]));
        Assert.Equal((3, 0, 0, 0), ((int)web["target_num_containers"]!, (int)web["current_num_containers"]!, (int)web["running_num_containers"]!, (int)web["stopped_num_containers"]!));
        Assert.Equal(("HIGH_AVAILABILITY", "eu"), ((string?)web["deployment_strategy"], (string?)web["tags"]![0]!["name"]));
        Assert.Equal("""[{"protocol":"tcp","inner_port":80,"outer_port":8080,"published":true},{"protocol":"tcp","inner_port":9000,"outer_port":null,"published":false}]""",
            web["container_ports"]!.ToJsonString());
        Assert.Equal("""[{"key":"MODE","value":"prod mode","origin":"user"}]""", web["container_envvars"]!.ToJsonString());
        Assert.Equal($$"""[{"name":"database","to_service":"{{Uri(db)}}","from_service":"{{Uri(web)}}"}]""", web["linked_to_service"]!.ToJsonString());
        Assert.Equal(("httpd -f -p 80 -h '/var/www html'", "/bin/sh -c", "/www"), ((string?)web["run_command"], (string?)web["entrypoint"], (string?)web["working_dir"]));
        Assert.Equal((256, 512, "ON_FAILURE", "ALWAYS"), ((int)web["memory"]!, (int)web["cpu_shares"]!, (string?)web["autorestart"], (string?)web["autodestroy"]));
        Assert.Equal((true, true), ((bool)web["autoredeploy"]!, (bool)web["sequential_deployment"]!));
        Assert.Empty(web["containers"]!.AsArray());
        Assert.Empty(web["roles"]!.AsArray());
        Assert.Empty(web["link_variables"]!.AsObject());
        foreach (var unset in new[] { "stack", "public_dns", "deployed_datetime", "destroyed_datetime", "current_action" })
            Assert.True(web.ContainsKey(unset) && web[unset] is null, unset);
        Assert.Equal(web.ToJsonString(), (await App.GetJsonAsync(Uri(web))).ToJsonString());
    }

    [Fact]
    public async Task Create_fills_in_Docker_Cloud_defaults_and_names_services_after_their_image()
    {
        var first = await Given.CreateAsync(new { image_name = "tutum/hello-world:latest" });
        var second = await Given.CreateAsync(new { image_name = "tutum/hello-world" });

        Assert.Equal(("hello-world", "hello-world", "hello-world-2"), ((string?)first["name"], (string?)first["nickname"], (string?)second["name"]));
        Assert.Equal((1, "EMPTIEST_NODE", "OFF", "OFF"), ((int)first["target_num_containers"]!, (string?)first["deployment_strategy"], (string?)first["autorestart"], (string?)first["autodestroy"]));
        Assert.Equal((false, false), ((bool)first["autoredeploy"]!, (bool)first["sequential_deployment"]!));
        Assert.Null(first["run_command"]);
        Assert.Empty(first["container_ports"]!.AsArray());
    }

    private const string Img = "\"image_name\": \"" + Image + "\"";

    [Theory]
    [InlineData("{\"name\": \"web\"}", "image")]
    [InlineData("{\"image_name\": \"Not A/Valid:::image\"}", "image_name")]
    [InlineData("{\"image_name\": \"nginx latest\"}", "image_name")]
    [InlineData("{" + Img + ", \"name\": \"2web\"}", "name")]
    [InlineData("{" + Img + ", \"name\": \"web_app\"}", "name")]
    [InlineData("{" + Img + ", \"name\": \"w12345678901234567890123456789012345678901234567890123456789012345\"}", "name")]
    [InlineData("{" + Img + ", \"target_num_containers\": -1}", "target_num_containers")]
    [InlineData("{" + Img + ", \"target_num_containers\": 101}", "target_num_containers")]
    [InlineData("{" + Img + ", \"target_num_containers\": \"two\"}", "target_num_containers")]
    [InlineData("{" + Img + ", \"deployment_strategy\": \"RANDOM_NODE\"}", "deployment_strategy")]
    [InlineData("{" + Img + ", \"container_ports\": [{\"inner_port\": 0}]}", "container_ports")]
    [InlineData("{" + Img + ", \"container_ports\": [{\"inner_port\": 65536}]}", "container_ports")]
    [InlineData("{" + Img + ", \"container_ports\": [{\"inner_port\": 80, \"outer_port\": 70000}]}", "container_ports")]
    [InlineData("{" + Img + ", \"container_ports\": [{\"inner_port\": 80, \"protocol\": \"sctp\"}]}", "container_ports")]
    [InlineData("{" + Img + ", \"container_ports\": [{\"inner_port\": 80, \"outer_port\": 8080}, {\"inner_port\": 81, \"outer_port\": 8080}]}", "container_ports")]
    [InlineData("{" + Img + ", \"container_ports\": [{\"inner_port\": 80}, {\"inner_port\": 80, \"outer_port\": 8080}]}", "container_ports")]
    [InlineData("{" + Img + ", \"container_ports\": [{\"outer_port\": 8080}]}", "container_ports")]
    [InlineData("{" + Img + ", \"container_envvars\": [{\"key\": \"MY-VAR\", \"value\": \"x\"}]}", "container_envvars")]
    [InlineData("{" + Img + ", \"container_envvars\": [{\"key\": \"A\", \"value\": \"1\"}, {\"key\": \"A\", \"value\": \"2\"}]}", "container_envvars")]
    [InlineData("{" + Img + ", \"container_envvars\": [{\"key\": \"A\"}]}", "container_envvars")]
    [InlineData("{" + Img + ", \"linked_to_service\": [{\"to_service\": \"/api/app/v1/service/3f9b8c1e-5d6a-4b7c-8e9f-0a1b2c3d4e5f/\"}]}", "linked_to_service")]
    [InlineData("{" + Img + ", \"linked_to_service\": [{\"to_service\": \"db\"}]}", "linked_to_service")]
    [InlineData("{" + Img + ", \"linked_to_service\": [{\"name\": \"db\"}]}", "linked_to_service")]
    [InlineData("{" + Img + ", \"autorestart\": \"SOMETIMES\"}", "autorestart")]
    [InlineData("{" + Img + ", \"autodestroy\": \"NEVER\"}", "autodestroy")]
    [InlineData("{" + Img + ", \"memory\": -1}", "memory")]
    [InlineData("{" + Img + ", \"cpu_shares\": -5}", "cpu_shares")]
    [InlineData("{" + Img + ", \"memory\": 9223372036854775807}", "memory")]
    [InlineData("{" + Img + ", \"memory\": 1048577}", "memory")]
    [InlineData("{" + Img + ", \"cpu_shares\": 262145}", "cpu_shares")]
    [InlineData("{" + Img + ", \"name\": \"web\\n\"}", "name")]
    [InlineData("{" + Img + ", \"nickname\": \"invoice\\u202Efdp.exe\"}", "nickname")]
    [InlineData("{" + Img + ", \"nickname\": \"two\\u0000parts\"}", "nickname")]
    [InlineData("{" + Img + ", \"tags\": [{\"name\": \"prod\\n\"}]}", "tags")]
    [InlineData("{" + Img + ", \"run_command\": \"sh -c 'unclosed\"}", "run_command")]
    [InlineData("{" + Img + ", \"working_dir\": \"relative/dir\"}", "working_dir")]
    [InlineData("{" + Img + ", \"roles\": [\"global\"]}", "roles")]
    [InlineData("{" + Img + ", \"tags\": [{\"name\": \"a b\"}]}", "tags")]
    [InlineData("{" + Img + ", \"privileged\": \"yes\"}", "privileged")]
    [InlineData("{" + Img + ",", "body")]
    public async Task Bad_input_is_a_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        var response = await App.Client.PostAsync("/api/app/v1/service/", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        Assert.Equal(0, (int)(await App.GetJsonAsync("/api/app/v1/service/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task A_name_in_use_among_the_namespace_services_is_a_409()
    {
        var web = await Given.CreateAsync("web");

        var again = await App.Client.PostAsJsonAsync("/api/app/v1/service/", new { image_name = "nginx", name = "WEB" });

        await ExpectAsync(again, HttpStatusCode.Conflict);
        Assert.Contains(Uri(web), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, (int)(await App.GetJsonAsync("/api/app/v1/service/"))["meta"]!["total_count"]!);
        using var bob = await Given.OtherNamespaceClientAsync();
        await Given.CreateAsync(new { image_name = "nginx", name = "web" }, bob);
    }

    [Fact]
    public async Task Lists_page_and_filter_with_the_Docker_Cloud_envelope()
    {
        for (var i = 0; i < 4; i++)
            await Given.CreateAsync($"web-{i}");
        var db = await Given.CreateAsync(new { image_name = "postgres:16", name = "db", deployment_strategy = "EVERY_NODE" });

        var page = await App.GetJsonAsync("/api/app/v1/service/?limit=2&offset=2");
        Assert.Equal((2, 2, 5), ((int)page["meta"]!["limit"]!, (int)page["meta"]!["offset"]!, (int)page["meta"]!["total_count"]!));
        Assert.Equal("/api/app/v1/service/?limit=2&offset=4", (string?)page["meta"]!["next"]);
        Assert.Equal(2, page["objects"]!.AsArray().Count);

        async Task<int> CountAsync(string query) => (int)(await App.GetJsonAsync($"/api/app/v1/service{query}"))["meta"]!["total_count"]!;
        Assert.Equal(1, await CountAsync("/?name=db"));
        Assert.Equal(4, await CountAsync("?name__startswith=web-&state=Not%20running"));
        Assert.Equal(1, await CountAsync($"/?uuid__startswith={((string)db["uuid"]!)[..8]}"));
        Assert.Equal(1, await CountAsync("/?image_name=postgres:16"));
        Assert.Equal(1, await CountAsync("/?deployment_strategy=EVERY_NODE"));
        Assert.Equal(0, await CountAsync("/?stack__name=mystack"));
        Assert.Equal(0, await CountAsync("/?state=Running"));
        await ExpectAsync(await App.Client.GetAsync("/api/app/v1/service/?colour=blue"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patching_runtime_fields_changes_the_stored_spec_at_once_without_an_operation()
    {
        var web = await Given.CreateAsync("web");

        var response = await App.Client.PatchAsJsonAsync(Uri(web), new
        {
            image_name = "functionscloud/busybox:v2",
            nickname = "renamed",
            container_envvars = new[] { new { key = "A", value = "1" } },
            container_ports = new[] { new { inner_port = 80, outer_port = 80, published = true } },
            run_command = "",
            memory = 64,
            autorestart = "ALWAYS",
            deployment_strategy = "HIGH_AVAILABILITY",
            tags = new[] { new { name = "blue" } },
            target_num_containers = 4,
        });

        await ExpectAsync(response, HttpStatusCode.OK);
        Assert.False(response.Headers.Contains("X-DockerCloud-Action-URI"));
        var patched = await App.GetJsonAsync(Uri(web));
        Assert.Equal(("functionscloud/busybox:v2", "renamed", "A", 80, 64), ((string?)patched["image_name"], (string?)patched["nickname"],
            (string?)patched["container_envvars"]![0]!["key"], (int)patched["container_ports"]![0]!["outer_port"]!, (int)patched["memory"]!));
        Assert.Equal(("ALWAYS", "HIGH_AVAILABILITY", "blue", 4, "Not running"), ((string?)patched["autorestart"], (string?)patched["deployment_strategy"],
            (string?)patched["tags"]![0]!["name"], (int)patched["target_num_containers"]!, (string?)patched["state"]));
        Assert.Null(patched["run_command"]);
    }

    [Theory]
    [InlineData("{\"name\": \"renamed\"}", "name")]
    [InlineData("{\"image_name\": \"UPPER\"}", "image_name")]
    [InlineData("{\"target_num_containers\": 101}", "target_num_containers")]
    [InlineData("{\"deployment_strategy\": \"EVERY_NODE\"}", "deployment_strategy")]
    [InlineData("{\"container_ports\": [{\"inner_port\": 80, \"outer_port\": 8080, \"published\": false}]}", "container_ports")]
    [InlineData("{\"memory\": 32, \"autodestroy\": \"maybe\"}", "autodestroy")]
    public async Task A_bad_patch_is_a_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var web = await Given.CreateAsync("web");

        var response = await App.Client.PatchAsync(Uri(web), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey(field));
        Assert.Equal(web.ToJsonString(), (await App.GetJsonAsync(Uri(web))).ToJsonString());
    }

    [Fact]
    public async Task An_EVERY_NODE_service_keeps_its_strategy_and_cannot_be_scaled_by_hand()
    {
        var agents = await Given.CreateAsync(new { image_name = Image, name = "agent", deployment_strategy = "EVERY_NODE" });
        await Given.SetStateAsync(agents, Domain.Services.ServiceState.Stopped);

        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { deployment_strategy = "EMPTIEST_NODE" }, "deployment_strategy"),
                     (new { target_num_containers = 5 }, "target_num_containers"),
                 })
        {
            var response = await App.Client.PatchAsJsonAsync(Uri(agents), body);
            await ExpectAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains(field, await response.Content.ReadAsStringAsync());
        }

        var scale = await App.Client.PostAsync($"{Uri(agents)}scale/", null);
        await ExpectAsync(scale, HttpStatusCode.BadRequest);
        Assert.Contains("EVERY_NODE", await scale.Content.ReadAsStringAsync());
        var after = await App.GetJsonAsync(Uri(agents));
        Assert.Equal(("EVERY_NODE", 1, "Stopped", null), ((string?)after["deployment_strategy"], (int)after["target_num_containers"]!, (string?)after["state"], (string?)after["current_action"]));
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_404s()
    {
        await ExpectAsync(await App.Client.GetAsync($"/api/app/v1/service/{Guid.NewGuid()}/"), HttpStatusCode.NotFound);
        await ExpectAsync(await App.Client.GetAsync("/api/app/v1/service/web/"), HttpStatusCode.NotFound);
        await ExpectAsync(await App.Client.PatchAsJsonAsync($"/api/app/v1/service/{Guid.NewGuid()}/", new { nickname = "x" }), HttpStatusCode.NotFound);
        await ExpectAsync(await App.Client.PostAsync($"/api/app/v1/service/{Guid.NewGuid()}/start/", null), HttpStatusCode.NotFound);
        await ExpectAsync(await App.Client.DeleteAsync($"/api/app/v1/service/{Guid.NewGuid()}/"), HttpStatusCode.NotFound);
    }
}
