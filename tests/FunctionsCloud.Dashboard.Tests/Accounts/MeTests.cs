using System.Net;
using FunctionsCloud.Client;
using FunctionsCloud.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Dashboard.Tests.Accounts;

/// <summary>The client reads who its key stands for from the API's field names.</summary>
public sealed class MeTests : DashboardTestContext
{
    [Fact]
    public async Task Whether_the_key_administers_the_installation_is_read_from_is_admin()
    {
        Api.On("GET", "/api/account/v1/me/", HttpStatusCode.OK, """
            {"username":"alice","resource_uri":"/api/account/v1/me/","namespace":"alice","role":"admin","is_admin":true,"api_key_label":"laptop","api_key_expires_datetime":null}
            """);

        var me = await Services.GetRequiredService<FunctionsCloudClient>().MeAsync();

        Assert.True(me.IsInstallationAdmin);
    }
}
