using System.Net;
using FunctionsCloud.Dashboard.Pages;
using FunctionsCloud.Dashboard.Session;
using FunctionsCloud.Dashboard.Tests.Support;

namespace FunctionsCloud.Dashboard.Tests.Accounts;

/// <summary>The administrators' pages: users, and an organization's teams.</summary>
public sealed class AccountAdminPagesTests : DashboardTestContext
{
    private const string UsersPath = "/api/account/v1/user/";
    private const string Bob = """
        {"username":"bob","resource_uri":"/api/account/v1/user/bob/","email":"bob@example.com","full_name":"Bob","is_admin":false,"is_active":true,
         "created_datetime":"Thu, 03 Dec 2026 11:00:00 +0000","api_key":null}
        """;
    private const string Acme = "/api/account/v1/organization/acme/";
    private const string AcmeJson = """
        {"name":"acme","resource_uri":"/api/account/v1/organization/acme/","created_datetime":"Thu, 03 Dec 2026 11:00:00 +0000","teams":[
          {"name":"owners","resource_uri":"/api/account/v1/organization/acme/team/owners/","organization":"acme","role":"admin","members":["admin"]},
          {"name":"ops","resource_uri":"/api/account/v1/organization/acme/team/ops/","organization":"acme","role":"read-only","members":["bob"]}]}
        """;

    [Fact]
    public void An_administrator_makes_a_user_whose_first_key_is_shown_once_and_suspends_another()
    {
        Api.On("GET", UsersPath, HttpStatusCode.OK, Page(Bob));
        Api.On("POST", UsersPath, HttpStatusCode.Created, """
            {"username":"carol","resource_uri":"/api/account/v1/user/carol/","email":null,"is_admin":false,"is_active":true,
             "created_datetime":"Thu, 03 Dec 2026 12:00:00 +0000","api_key":{"uuid":"6f1e2d3c-0000-4000-8000-000000000009",
             "resource_uri":"/api/account/v1/apikey/6f1e2d3c-0000-4000-8000-000000000009/","label":"first","role":"admin","namespace":"carol",
             "created_datetime":"Thu, 03 Dec 2026 12:00:00 +0000","last_used_datetime":null,"expires_datetime":null,"key":"carols-first-key"}}
            """);
        Api.On("PATCH", "/api/account/v1/user/bob/", HttpStatusCode.OK, Bob);
        var page = Render<FunctionsCloud.Dashboard.Pages.Users>();
        page.WaitForElement("tr[aria-label='User bob']");

        page.Find("#user-name").Change("carol");
        page.Find("#user-full-name").Change("Carol C");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Equal("carols-first-key", page.Find(".new-key .copy-text code").TextContent));
        Assert.Equal("""{"username":"carol","full_name":"Carol C"}""", Assert.Single(Api.BodiesOf("POST", UsersPath)));

        page.FindAll("tr[aria-label='User bob'] button").Single(b => b.TextContent == "Suspend").Click();
        page.WaitForAssertion(() => Assert.Equal("""{"is_active":false}""", Assert.Single(Api.BodiesOf("PATCH", "/api/account/v1/user/bob/"))));
    }

    [Fact]
    public void Users_are_not_offered_to_a_key_that_is_not_an_installation_administrators()
    {
        SignedInWith(Access.Admin, isAdmin: false);

        var page = Render<FunctionsCloud.Dashboard.Pages.Users>();

        Assert.Contains("administrator of the installation", page.Find(".needs-role").TextContent);
        Assert.Empty(page.FindAll("form"));
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public void A_teams_role_and_members_are_changed_in_one_request()
    {
        Api.On("GET", Acme, HttpStatusCode.OK, AcmeJson);
        Api.On("PATCH", "/api/account/v1/organization/acme/team/ops/", HttpStatusCode.OK,
            """{"name":"ops","resource_uri":"/api/account/v1/organization/acme/team/ops/","organization":"acme","role":"operator","members":["bob","carol"]}""");
        var page = Render<OrganizationDetail>(p => p.Add(o => o.Name, "acme"));
        page.WaitForElement("tr[aria-label='Team ops']");

        page.Find("select[aria-label='Role of team ops']").Change(Access.Operator);
        page.Find("input[aria-label='Members of team ops']").Change("bob, carol");
        page.FindAll("tr[aria-label='Team ops'] button").Single(b => b.TextContent == "Save").Click();

        page.WaitForAssertion(() => Assert.Equal("""{"role":"operator","members":["bob","carol"]}""",
            Assert.Single(Api.BodiesOf("PATCH", "/api/account/v1/organization/acme/team/ops/"))));
    }

    [Fact]
    public void A_member_who_is_not_an_admin_of_the_organization_sees_its_teams_but_cannot_change_them()
    {
        SignedInWith(Access.Admin, isAdmin: false);
        Api.On("GET", Acme, HttpStatusCode.OK, AcmeJson.Replace("\"members\":[\"admin\"]", "\"members\":[\"alice\"]", StringComparison.Ordinal));

        var page = Render<OrganizationDetail>(p => p.Add(o => o.Name, "acme"));

        page.WaitForElement("tr[aria-label='Team ops']");
        Assert.All(page.FindAll("tbody select, tbody input, tbody button"), c => Assert.True(c.HasAttribute("disabled")));
        Assert.Contains("needs an admin of the organization", page.Markup);
        Assert.Contains("needs an administrator of the installation", page.Find(".heading .needs-role").TextContent);
    }
}
