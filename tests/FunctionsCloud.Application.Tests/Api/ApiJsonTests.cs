using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Users;
using FunctionsCloud.Domain.Accounts;

namespace FunctionsCloud.Application.Tests.Api;

public class ApiJsonTests
{
    private sealed record Sample(DateTimeOffset? LastSeen, int TargetNumNodes);

    [Fact]
    public void Dates_are_rfc1123_in_utc_and_fields_snake_case()
    {
        var json = JsonSerializer.Serialize(new Sample(new DateTimeOffset(2015, 12, 7, 17, 40, 14, TimeSpan.FromHours(1)), 3), ApiJson.Options);

        Assert.Equal("""{"last_seen":"Mon, 07 Dec 2015 16:40:14 +0000","target_num_nodes":3}""", json);
    }

    [Fact]
    public void Unset_dates_are_null() =>
        Assert.Contains("\"last_seen\":null", JsonSerializer.Serialize(new Sample(null, 0), ApiJson.Options));

    [Fact]
    public void Whether_a_user_administers_the_installation_is_the_field_is_admin_both_ways()
    {
        var user = JsonSerializer.SerializeToNode(UserResource.From(new UserAccount { Name = "bob", IsInstallationAdmin = true }), ApiJson.Options)!.AsObject();
        var me = JsonSerializer.SerializeToNode(MeResource.From(new Caller("bob", "bob", IsInstallationAdmin: true, Role.Admin)), ApiJson.Options)!.AsObject();

        Assert.Equal((true, true), ((bool?)user["is_admin"], (bool?)me["is_admin"]));
        Assert.DoesNotContain(user.Concat(me), field => field.Key.Contains("installation", StringComparison.Ordinal));
        Assert.True(JsonSerializer.Deserialize<PatchUserRequest>("""{"is_admin":true}""", ApiJson.Options)!.IsInstallationAdmin);
        Assert.True(JsonSerializer.Deserialize<CreateUserRequest>("""{"username":"bob","is_admin":true}""", ApiJson.Options)!.IsInstallationAdmin);
    }
}
