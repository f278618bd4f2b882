using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.ApiKeys;
using FunctionsCloud.Storage.Users;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Functions.Tests.Users.AccountArrangements;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Users;

/// <summary>
/// The installation's last two administrators demoting, suspending and removing each other at the same moment: one of
/// them is left. An app of its own, where nobody else is an administrator.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LastAdministratorRaceTests(ApiKeyHostFixture fixture) : IClassFixture<ApiKeyHostFixture>
{
    private const int Burst = 20;

    private readonly FunctionsCloudTestHost _app = fixture.App;

    [Fact]
    public async Task Twenty_demotions_and_removals_of_the_last_two_administrators_at_once_leave_exactly_one()
    {
        var second = await _app.CreateUserAsync("second-admin", isInstallationAdmin: true);
        var sides = new[] { (By: _app.Client, Target: second.Name), (By: second.Client, Target: AdminUser) };

        var answers = await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => TakeAwayAsync(sides[i % 2].By, sides[i % 2].Target, i / 2 % 3)));

        Assert.All(answers, a => Assert.Contains(a, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden }));
        // Which refusal the losing side gets depends on the order the requests land in: a 409 from the last-admin check
        // when its request is decided beside the other side's, a 401, 403 or 404 when the other side's change landed first.
        Assert.Contains(answers, a => a != HttpStatusCode.OK);
        var everyone = await _app.Services.GetRequiredService<IAccountStore>().ListAsync();
        Assert.Single(everyone, o => o.User is { IsActingInstallationAdmin: true });
    }

    /// <summary>Takes the target's administration away one of three ways: demoted, suspended or removed.</summary>
    private static async Task<HttpStatusCode> TakeAwayAsync(HttpClient by, string target, int way)
    {
        var uri = UserCollection + target + "/";
        using var response = way switch
        {
            0 => await by.PatchAsJsonAsync(uri, new { is_admin = false }),
            1 => await by.PatchAsJsonAsync(uri, new { is_active = false }),
            _ => await by.DeleteAsync(uri),
        };
        return response.StatusCode;
    }
}
