using System.Net;
using FunctionsCloud.Dashboard.Pages;
using FunctionsCloud.Dashboard.Session;
using FunctionsCloud.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Dashboard.Tests.Stacks;

public sealed class StackCreateTests : DashboardTestContext
{
    private const string StackPath = "/api/app/v1/stack/";
    private const string Uuid = "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string Stackfile = "web:\n  imgae: functionscloud/busybox\n  links:\n    - cache\n";

    [Fact]
    public void A_refused_stackfile_shows_each_problem_at_its_line_beside_the_text_which_stays_as_typed()
    {
        Api.On("POST", StackPath, HttpStatusCode.BadRequest, """
            {"type":"about:blank","title":"Bad request","status":400,"detail":"web.imgae: line 2, column 3: 'imgae' is not a stackfile key.",
             "errors":{"web.links":["line 4, column 7: links to 'cache', which is not a service of the stack."],"web.imgae":["line 2, column 3: 'imgae' is not a stackfile key."]}}
            """);
        var page = Render<StackCreate>();

        page.Find("#stack-name").Change("shop");
        page.Find("#stackfile").Input(Stackfile);
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#stackfile-problems li").Count));
        var problems = page.FindAll("#stackfile-problems li");
        Assert.StartsWith("Line 2, column 3", problems[0].TextContent.Trim());
        Assert.Equal("'imgae' is not a stackfile key.", problems[0].QuerySelector(".field-error")!.TextContent);
        Assert.Equal("imgae: functionscloud/busybox", problems[0].QuerySelector("code")!.TextContent);
        Assert.Equal("- cache", problems[1].QuerySelector("code")!.TextContent);
        var text = page.Find("#stackfile");
        Assert.Equal("true", text.GetAttribute("aria-invalid"));
        Assert.Equal("stackfile-problems", text.GetAttribute("aria-describedby"));
        Assert.Equal(Stackfile, text.GetAttribute("value"));
        Assert.Empty(Api.BodiesOf("POST", $"{StackPath}{Uuid}/start/"));
    }

    [Fact]
    public void A_refused_name_is_shown_at_its_field_not_among_the_lines()
    {
        Api.On("POST", StackPath, HttpStatusCode.BadRequest,
            """{"title":"Bad request","status":400,"detail":"name: is required.","errors":{"name":["is required."]}}""");
        var page = Render<StackCreate>();

        page.Find("#stackfile").Input("web:\n  image: functionscloud/busybox\n");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("is required.", page.Find("#stack-name-error").TextContent));
        Assert.Empty(page.FindAll("#stackfile-problems"));
    }

    [Fact]
    public void A_stackfile_is_sent_as_YAML_under_its_name_then_the_stack_is_started_and_shown()
    {
        Api.On("POST", StackPath, HttpStatusCode.Created, StackJson());
        Api.On("POST", $"{StackPath}{Uuid}/start/", HttpStatusCode.Accepted, StackJson(), "/api/audit/v1/action/11111111-2222-4333-8444-555555555555/");
        var page = Render<StackCreate>();

        page.Find("#stack-name").Change("shop");
        page.Find("#stackfile").Input("web:\n  image: functionscloud/busybox\n");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Single(Api.BodiesOf("POST", $"{StackPath}{Uuid}/start/")));
        Assert.Equal("web:\n  image: functionscloud/busybox\n", Api.BodiesOf("POST", StackPath).Single());
        var create = Api.Sent.Single(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == StackPath);
        Assert.Equal("?name=shop", create.RequestUri!.Query);
        Assert.Equal("application/yaml", create.Content!.Headers.ContentType!.MediaType);
        Assert.EndsWith($"stacks/{Uuid}", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void An_uploaded_file_fills_the_text_and_names_the_stack_after_the_file()
    {
        var page = Render<StackCreate>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("db:\n  image: functionscloud/busybox\n", "shop.yml"));

        page.WaitForAssertion(() => Assert.Equal("db:\n  image: functionscloud/busybox\n", page.Find("#stackfile").GetAttribute("value")));
        Assert.Equal("shop", page.Find("#stack-name").GetAttribute("value"));
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public void A_read_only_key_cannot_create_and_is_told_why()
    {
        SignedInWith(Access.ReadOnly);

        var page = Render<StackCreate>();

        Assert.True(page.Find("button[type=submit]").HasAttribute("disabled"));
        Assert.Equal("needs the operator role", page.Find(".needs-role").TextContent);
    }

    private static string StackJson() => $$"""
        {"uuid":"{{Uuid}}","resource_uri":"{{StackPath}}{{Uuid}}/","name":"shop","nickname":"shop","state":"Not running","synchronized":true,
         "services":[],"deployed_datetime":null,"destroyed_datetime":null,"current_action":null}
        """;
}
