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
    private const string Admin = """
        {"username":"admin","resource_uri":"/api/account/v1/user/admin/","email":null,"full_name":null,"is_admin":true,"is_active":true,
         "created_datetime":"Thu, 03 Dec 2026 10:00:00 +0000","api_key":null}
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
    public void The_only_administrator_is_not_offered_demotion_suspension_or_removal_and_the_page_says_why()
    {
        var page = UsersPage(Admin, Bob);

        var controls = page.FindAll("tr[aria-label='User admin'] td.operations button");
        Assert.Equal(["Remove administrator", "Suspend", "Remove"], controls.Select(b => b.TextContent));
        Assert.All(controls, b => Assert.True(b.HasAttribute("disabled")));
        Assert.All(controls, b => Assert.Equal("kept-admin", b.GetAttribute("aria-describedby")));
        Assert.Equal("not offered: the only administrator", page.Find("#kept-admin").TextContent);
        Assert.All(page.FindAll("tr[aria-label='User bob'] td.operations button"), b => Assert.False(b.HasAttribute("disabled")));
    }

    [Fact]
    public void With_a_second_administrator_each_may_be_demoted_suspended_or_removed()
    {
        var page = UsersPage(Admin, Bob.Replace("\"is_admin\":false", "\"is_admin\":true", StringComparison.Ordinal));

        Assert.All(page.FindAll("td.operations button"), b => Assert.False(b.HasAttribute("disabled")));
        Assert.Empty(page.FindAll("td.operations .needs-role"));
        Api.On("PATCH", "/api/account/v1/user/bob/", HttpStatusCode.OK, Bob);
        page.FindAll("tr[aria-label='User bob'] button").Single(b => b.TextContent == "Remove administrator").Click();
        page.WaitForAssertion(() => Assert.Equal("""{"is_admin":false}""", Assert.Single(Api.BodiesOf("PATCH", "/api/account/v1/user/bob/"))));
    }

    [Fact]
    public void A_suspended_administrator_does_not_count_as_a_second_one()
    {
        var page = UsersPage(Admin, Bob.Replace("\"is_admin\":false,\"is_active\":true", "\"is_admin\":true,\"is_active\":false", StringComparison.Ordinal));

        Assert.All(page.FindAll("tr[aria-label='User admin'] td.operations button"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.All(page.FindAll("tr[aria-label='User bob'] td.operations button"), b => Assert.False(b.HasAttribute("disabled")));
    }

    /// <summary>The users page listing those users (JSON objects), once it has them.</summary>
    private IRenderedComponent<FunctionsCloud.Dashboard.Pages.Users> UsersPage(params string[] users)
    {
        Api.On("GET", UsersPath, HttpStatusCode.OK, Page(string.Join(",", users)));
        var page = Render<FunctionsCloud.Dashboard.Pages.Users>();
        page.WaitForElement("tr[aria-label='User admin']");
        return page;
    }

    [Fact]
    public void Users_are_not_offered_to_a_key_that_is_not_an_installation_administrators()
    {
        SignedInWith(Access.Admin, isInstallationAdmin: false);

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
        SignedInWith(Access.Admin, isInstallationAdmin: false);
        Api.On("GET", Acme, HttpStatusCode.OK, AcmeJson.Replace("\"members\":[\"admin\"]", "\"members\":[\"alice\"]", StringComparison.Ordinal));

        var page = Render<OrganizationDetail>(p => p.Add(o => o.Name, "acme"));

        page.WaitForElement("tr[aria-label='Team ops']");
        Assert.All(page.FindAll("tbody select, tbody input, tbody button"), c => Assert.True(c.HasAttribute("disabled")));
        Assert.Contains("needs an admin of the organization", page.Markup);
        Assert.Contains("needs an administrator of the installation", page.Find(".heading .needs-role").TextContent);
    }
}
