using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Functions.Tests.Services.ServiceArrangements;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Services;

/// <summary>
/// The fields Docker Cloud's clients send on every create (image, privileged, net, pid, bindings) and the ones they
/// read back (calculated_envvars with origins, synchronized).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceFieldsApiTests : ServiceAppTests
{
    [Fact]
    public async Task Create_takes_image_and_the_runtime_fields_shows_them_and_patch_changes_them()
    {
        var db = await Given.CreateAsync("db");

        var web = await Given.CreateAsync(new
        {
            image = Image,
            name = "web",
            privileged = true,
            net = "host",
            pid = "host",
            container_envvars = new[] { new { key = "MODE", value = "fast" } },
            bindings = new object[]
            {
                new { container_path = "/data" },
                new { host_path = "/srv/www", container_path = "/www", rewritable = false },
                new { volumes_from = "db" },
            },
        });

        Assert.Equal((Image, true, "host", "host"), ((string?)web["image_name"], (bool)web["privileged"]!, (string?)web["net"], (string?)web["pid"]));
        Assert.Equal(
            """[{"host_path":null,"container_path":"/data","rewritable":true,"volumes_from":null},{"host_path":"/srv/www","container_path":"/www","rewritable":false,"volumes_from":null},{"host_path":null,"container_path":null,"rewritable":true,"volumes_from":"URI"}]""".Replace("URI", Uri(db), StringComparison.Ordinal),
            web["bindings"]!.ToJsonString());
        Assert.Equal("""[{"key":"MODE","value":"fast","origin":"user"}]""", web["container_envvars"]!.ToJsonString());
        Assert.Equal("""[{"key":"MODE","value":"fast","origin":"user"}]""", web["calculated_envvars"]!.ToJsonString());
        Assert.True((bool)web["synchronized"]!);

        var patched = await App.Client.PatchAsJsonAsync(Uri(web), new { net = "bridge", pid = "none", privileged = false, bindings = Array.Empty<object>() });

        await ExpectAsync(patched, HttpStatusCode.OK);
        var shown = await App.GetJsonAsync(Uri(web));
        Assert.Equal((false, "bridge", "none", 0), ((bool)shown["privileged"]!, (string?)shown["net"], (string?)shown["pid"], shown["bindings"]!.AsArray().Count));
    }

    [Fact]
    public async Task A_service_whose_containers_run_an_older_definition_is_not_synchronized_and_shows_what_they_get()
    {
        var web = await Given.CreateAsync(new { image_name = Image, name = "web", container_envvars = new[] { new { key = "MODE", value = "fast" } } });
        var container = await Given.AddContainerAsync(web, 1, ContainerState.Running);
        await App.Services.GetRequiredService<IContainerStore>().UpdateAsync(container.Namespace, container.Uuid, c =>
        {
            c.Spec = c.Spec with
            {
                Environment = [new("MODE", "fast", EnvironmentOrigin.User), new("DB_PORT", "tcp://10.0.0.7:5432", EnvironmentOrigin.Tutum)],
            };
            return true;
        });
        Assert.True((bool)(await App.GetJsonAsync(Uri(web)))["synchronized"]!);

        await ExpectAsync(await App.Client.PatchAsJsonAsync(Uri(web), new { container_envvars = new[] { new { key = "MODE", value = "slow" } } }), HttpStatusCode.OK);

        var shown = await App.GetJsonAsync(Uri(web));
        Assert.False((bool)shown["synchronized"]!);
        Assert.Equal("""[{"key":"MODE","value":"slow","origin":"user"}]""", shown["container_envvars"]!.ToJsonString());
        Assert.Equal("""[{"key":"MODE","value":"fast","origin":"user"},{"key":"DB_PORT","value":"tcp://10.0.0.7:5432","origin":"tutum"}]""", shown["calculated_envvars"]!.ToJsonString());
        var inspected = await App.GetJsonAsync($"/api/app/v1/container/{container.Uuid:D}/");
        Assert.Equal("""[{"key":"MODE","value":"fast","origin":"user"}]""", inspected["container_envvars"]!.ToJsonString());
        Assert.Equal(2, inspected["calculated_envvars"]!.AsArray().Count);
    }

    [Fact]
    public async Task Bad_images_and_bindings_are_400s_naming_the_field_and_create_nothing()
    {
        using var bob = await Given.OtherNamespaceClientAsync();
        var theirs = await Given.CreateAsync(new { image_name = Image, name = "their-db" }, bob);
        await Given.CreateAsync("db");

        foreach (var (body, field, says) in new (object Body, string Field, string Says)[]
                 {
                     (new { image = Image, image_name = "busybox" }, "image", "differs from image_name"),
                     (new { name = "web" }, "image", "is required"),
                     (new { image = Image, net = "overlay" }, "net", "is not one of"),
                     (new { image = Image, pid = "container" }, "pid", "is not one of"),
                     (new { image = Image, bindings = new[] { new { host_path = "srv/www", container_path = "/www" } } }, "bindings", "is not an absolute path"),
                     (new { image = Image, bindings = new[] { new { container_path = "data" } } }, "bindings", "is not an absolute path"),
                     (new { image = Image, bindings = new[] { new { volumes_from = "nothing-here" } } }, "bindings", "is no other live service here"),
                     (new { image = Image, bindings = new[] { new { volumes_from = Uri(theirs) } } }, "bindings", "is no other live service here"),
                     (new { image = Image, bindings = new[] { new { host_path = "/srv", container_path = "/srv", volumes_from = "db" } } }, "bindings", "not both"),
                     (new { image = Image, bindings = new[] { new { rewritable = false } } }, "bindings", "needs a container_path"),
                 })
        {
            var response = await App.Client.PostAsJsonAsync("/api/app/v1/service/", body);
            await ExpectAsync(response, HttpStatusCode.BadRequest);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Contains(says, (string)problem["errors"]![field]![0]!);
        }

        Assert.Equal(1, (int)(await App.GetJsonAsync("/api/app/v1/service/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task A_redeploy_takes_reuse_volumes_true_or_false_only()
    {
        var web = await Given.CreateAsync("web");

        var response = await App.Client.PostAsync($"{Uri(web)}redeploy/?reuse_volumes=maybe", null);

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("reuse_volumes", await response.Content.ReadAsStringAsync());
        Assert.Null((await Given.StoredAsync(web)).ActiveAction);
    }

    [Fact]
    public async Task The_action_a_request_starts_records_its_user_agent_and_its_body_without_secrets_and_has_no_log_field()
    {
        var web = await Given.CreateAsync("web");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Uri(web)}start/")
        {
            Content = JsonContent.Create(new { note = "deploy 42", api_key = "fc_live_do_not_keep" }),
        };
        request.Headers.UserAgent.ParseAdd("docker-cloud-cli/1.0.9");

        var response = await App.Client.SendAsync(request);

        await ExpectAsync(response, HttpStatusCode.Accepted);
        var action = await App.GetJsonAsync(ActionUri(response));
        Assert.Equal(("docker-cloud-cli/1.0.9", "", """{"note":"deploy 42","api_key":"[removed]"}"""),
            ((string?)action["user_agent"], (string?)action["location"], (string?)action["body"]));
        Assert.False(action.ContainsKey("logs"));
        Assert.DoesNotContain("fc_live_do_not_keep", await App.ActionLogAsync(action), StringComparison.Ordinal);
    }
}
