using System.Net;
using FunctionsCloud.Dashboard.Pages;
using FunctionsCloud.Dashboard.Session;
using FunctionsCloud.Dashboard.Tests.Support;
using Microsoft.JSInterop;

namespace FunctionsCloud.Dashboard.Tests.Accounts;

public sealed class ApiKeysPageTests : DashboardTestContext
{
    private const string Keys = "/api/account/v1/apikey/";
    private const string LaptopUri = "/api/account/v1/apikey/6f1e2d3c-0000-4000-8000-000000000001/";
    private const string Laptop = $$"""
        {"uuid":"6f1e2d3c-0000-4000-8000-000000000001","resource_uri":"{{LaptopUri}}","label":"laptop","role":"admin","namespace":"admin",
         "created_datetime":"Thu, 03 Dec 2026 10:00:00 +0000","last_used_datetime":"Thu, 03 Dec 2026 11:59:00 +0000","expires_datetime":null}
        """;
    private const string Made = """
        {"uuid":"6f1e2d3c-0000-4000-8000-000000000002","resource_uri":"/api/account/v1/apikey/6f1e2d3c-0000-4000-8000-000000000002/","label":"ci","role":"operator",
         "namespace":"admin","created_datetime":"Thu, 03 Dec 2026 12:00:00 +0000","last_used_datetime":null,"expires_datetime":"Fri, 04 Dec 2026 12:00:00 +0000",
         "key":"the-new-secret-key"}
        """;

    public ApiKeysPageTests() => Api.On("GET", Keys, HttpStatusCode.OK, Page(Laptop));

    [Fact]
    public void The_list_shows_each_key_with_its_role_use_and_expiry_and_marks_the_key_in_use()
    {
        var page = Render<ApiKeys>();

        var row = page.WaitForElement("tr[aria-label='Key laptop']");
        Assert.Contains("(this key)", row.TextContent);
        Assert.Equal(["laptop (this key)", "admin", "admin", "2 h ago", "60 s ago", "never"],
            row.Children.Take(6).Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void A_new_key_is_made_with_the_narrower_role_and_expiry_chosen_and_shown_once_with_a_copy_button_that_says_it_copied()
    {
        Api.On("POST", Keys, HttpStatusCode.Created, Made);
        var copy = JSInterop.SetupVoid("functionsCloud.copy", "the-new-secret-key");
        copy.SetVoidResult();
        var page = Render<ApiKeys>();
        page.WaitForElement("tr[aria-label='Key laptop']");

        page.Find("#key-label").Change("ci");
        page.Find("#key-role").Change(Access.Operator);
        page.Find("#key-expiry").Change("86400");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("the-new-secret-key", page.Find(".new-key .copy-text code").TextContent));
        Assert.Equal("""{"label":"ci","role":"operator","expires_in":86400}""", Assert.Single(Api.BodiesOf("POST", Keys)));
        page.Find(".new-key button").Click();
        Assert.Equal("Copied to the clipboard.", page.Find(".new-key [role=status]").TextContent);
        Assert.Single(copy.Invocations);

        page.FindAll(".new-key button").Single(b => b.TextContent.StartsWith("Done", StringComparison.Ordinal)).Click();
        Assert.DoesNotContain("the-new-secret-key", page.Markup);
    }

    [Fact]
    public void When_the_browser_refuses_the_clipboard_the_key_is_selected_in_a_field_to_copy_by_hand()
    {
        Api.On("POST", Keys, HttpStatusCode.Created, Made);
        JSInterop.SetupVoid("functionsCloud.copy", _ => true).SetException(new JSException("Write permission denied."));
        var select = JSInterop.SetupVoid("functionsCloud.select", _ => true);
        var page = Render<ApiKeys>();
        page.WaitForElement("tr[aria-label='Key laptop']");
        page.Find("#key-label").Change("ci");
        page.Find("form").Submit();
        page.WaitForElement(".new-key .copy-text code");

        page.Find(".new-key .copy-text button").Click();

        page.WaitForAssertion(() => Assert.Equal("the-new-secret-key", page.Find(".new-key input[readonly]").GetAttribute("value")));
        Assert.Contains("selected in the field", page.Find(".new-key [role=status]").TextContent);
        Assert.NotEmpty(select.Invocations);
    }

    [Fact]
    public void A_refused_label_is_said_at_its_field_and_no_key_is_shown()
    {
        Api.On("POST", Keys, HttpStatusCode.BadRequest,
            """{"title":"Bad request","status":400,"detail":"label: must be a name.","errors":{"label":["must be a name."]}}""");
        var page = Render<ApiKeys>();
        page.WaitForElement("tr[aria-label='Key laptop']");

        page.Find("#key-label").Change("no spaces");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("must be a name.", page.Find("#key-label-error").TextContent));
        Assert.Empty(page.FindAll(".new-key"));
        Assert.Equal("no spaces", page.Find("#key-label").GetAttribute("value"));
    }

    [Fact]
    public void Revoking_asks_first_then_deletes_the_key()
    {
        Api.On("DELETE", LaptopUri, HttpStatusCode.OK, Laptop);
        var page = Render<ApiKeys>();
        page.WaitForElement("tr[aria-label='Key laptop']");

        page.Find("tr[aria-label='Key laptop'] button").Click();
        Assert.Empty(Api.BodiesOf("DELETE", LaptopUri));
        Assert.Contains("Revoke laptop?", page.Find("tr[aria-label='Key laptop']").TextContent);
        page.Find("tr[aria-label='Key laptop'] button.danger").Click();

        page.WaitForAssertion(() => Assert.Single(Api.BodiesOf("DELETE", LaptopUri)));
        Assert.Equal("Key laptop revoked.", Messages.Text);
    }

    [Fact]
    public void A_key_without_the_admin_role_sees_making_and_revoking_disabled_with_the_reason()
    {
        SignedInWith(Access.Operator);
        var page = Render<ApiKeys>();
        page.WaitForElement("tr[aria-label='Key laptop']");

        Assert.True(page.Find("form button[type=submit]").HasAttribute("disabled"));
        Assert.True(page.Find("tr[aria-label='Key laptop'] button").HasAttribute("disabled"));
        Assert.All(page.FindAll(".needs-role"), n => Assert.Equal("needs the admin role", n.TextContent));
        Assert.Equal(["", Access.ReadOnly, Access.Operator], page.FindAll("#key-role option").Select(o => o.GetAttribute("value")));
    }
}
