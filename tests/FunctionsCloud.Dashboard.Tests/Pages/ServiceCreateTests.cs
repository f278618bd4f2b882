using System.Net;
using FunctionsCloud.Dashboard.Pages;
using FunctionsCloud.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Dashboard.Tests.Pages;

public sealed class ServiceCreateTests : DashboardTestContext
{
    private const string ServicePath = "/api/app/v1/service/";

    public ServiceCreateTests() =>
        Api.On("GET", ServicePath, HttpStatusCode.OK, """{"meta":{"limit":100,"offset":0,"total_count":0,"next":null,"previous":null},"objects":[]}""");

    [Fact]
    public void A_refused_image_is_shown_next_to_its_field_and_the_form_keeps_what_was_typed()
    {
        Api.On("POST", ServicePath, HttpStatusCode.BadRequest,
            """{"type":"about:blank","title":"Bad request","status":400,"detail":"image_name: not a valid image reference.","errors":{"image_name":["not a valid image reference."]}}""");
        var page = Render<ServiceCreate>();

        page.Find("#image").Change("Not An Image!");
        page.Find("#service-name").Change("web");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("not a valid image reference.", page.Find("#image-error").TextContent));
        Assert.Equal("image-error", page.Find("#image").GetAttribute("aria-describedby"));
        Assert.Equal("Not An Image!", page.Find("#image").GetAttribute("value"));
        Assert.Equal("web", page.Find("#service-name").GetAttribute("value"));
        Assert.Empty(Api.BodiesOf("POST", ServicePath + "x/start/"));
    }

    [Fact]
    public void A_service_is_created_with_the_fields_filled_in_then_started()
    {
        const string uuid = "0b6f3c1e-3b8e-4f7b-9d4c-7c1a2e5f9a10";
        Api.On("POST", ServicePath, HttpStatusCode.Created, ServiceJson(uuid));
        Api.On("POST", $"{ServicePath}{uuid}/start/", HttpStatusCode.Accepted, ServiceJson(uuid), "/api/audit/v1/action/11111111-2222-4333-8444-555555555555/");
        var page = Render<ServiceCreate>();

        page.Find("#image").Change("functionscloud/busybox");
        page.Find("#service-name").Change("web");
        page.Find("#strategy").Change("HIGH_AVAILABILITY");
        page.Find("#containers").Change("4");
        page.FindAll("button").Single(b => b.TextContent == "Add a port").Click();
        page.FindAll("button").Single(b => b.TextContent == "Add a variable").Click();
        page.Find("#key-0").Change("GREETING");
        page.Find("#value-0").Change("hello");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Single(Api.BodiesOf("POST", $"{ServicePath}{uuid}/start/")));
        var sent = Api.BodiesOf("POST", ServicePath).Single()!;
        Assert.Contains("\"image_name\":\"functionscloud/busybox\"", sent);
        Assert.Contains("\"target_num_containers\":4", sent);
        Assert.Contains("\"deployment_strategy\":\"HIGH_AVAILABILITY\"", sent);
        Assert.Contains("\"container_ports\":[{\"protocol\":\"tcp\",\"inner_port\":80,\"published\":true}]", sent);
        Assert.Contains("\"container_envvars\":[{\"key\":\"GREETING\",\"value\":\"hello\"}]", sent);
        Assert.EndsWith($"services/{uuid}", Services.GetRequiredService<NavigationManager>().Uri);
    }

    private static string ServiceJson(string uuid) => $$"""
        {"uuid":"{{uuid}}","resource_uri":"/api/app/v1/service/{{uuid}}/","image_name":"functionscloud/busybox","name":"web","nickname":"web",
         "state":"Not running","containers":[],"target_num_containers":4,"current_num_containers":0,"running_num_containers":0,
         "stopped_num_containers":0,"deployment_strategy":"HIGH_AVAILABILITY","tags":[],"container_ports":[],"container_envvars":[],
         "linked_to_service":[],"link_variables":{},"run_command":null,"entrypoint":null,"autorestart":"OFF","autodestroy":"OFF",
         "sequential_deployment":false,"deployed_datetime":null,"current_action":null}
        """;
}
