using System.Net;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Functions.Tests.Users;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.ApiKeys;

/// <summary>
/// Two instances of the app on one storage, as in Azure when it scales out: what one revokes, the other refuses within
/// 5 s; so does a bootstrap key that an instance started with a new one (a rotation) retired.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiKeyRevocationTests : IAsyncLifetime
{
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(5);

    private FunctionsCloudTestHost _first = null!;
    private FunctionsCloudTestHost _second = null!;

    public async Task InitializeAsync()
    {
        _first = await StartAsync();
        _second = await SecondInstanceAsync(_first);
    }

    /// <summary>Another instance of the app on the first one's storage, with the same settings (its bootstrap key too).</summary>
    private static Task<FunctionsCloudTestHost> SecondInstanceAsync(FunctionsCloudTestHost first, string? bootstrapKey = null) =>
        StartAsync(new Dictionary<string, string?>
        {
            ["FunctionsCloud:TablePrefix"] = first.TablePrefix,
            ["FunctionsCloud:Bootstrap:ApiKey"] = bootstrapKey ?? first.AdminKey,
        });

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task A_key_revoked_on_one_instance_is_refused_by_the_other_within_5_seconds()
    {
        using var owner = await _first.NewUserAsync("olivia");
        var created = await owner.CreateKeyAsync(new { label = "leaked" });
        var key = (string)created["key"]!;
        // The second instance has the key in its cache before the revocation.
        Assert.True(await _second.IsAcceptedAsync("olivia", key));

        await ExpectAsync(await owner.DeleteAsync((string)created["resource_uri"]!), HttpStatusCode.OK);

        await Eventually.HoldsAsync(async () => !await _second.IsAcceptedAsync("olivia", key), Promised, "the second instance to refuse the revoked key");
        Assert.False(await _first.IsAcceptedAsync("olivia", key));
    }

    [Fact]
    public async Task A_user_removed_on_one_instance_is_refused_by_the_other_within_5_seconds()
    {
        var user = await _first.CreateUserAsync("removed");
        var key = (string)(await AccountArrangements.CreatedAsync(user.Client, AccountArrangements.ApiKeyCollection, new { label = "laptop" }))["key"]!;
        Assert.True(await _second.IsAcceptedAsync(user.Name, key));

        await ExpectAsync(await _first.Client.DeleteAsync(AccountArrangements.UserCollection + user.Name + "/"), HttpStatusCode.OK);

        await Eventually.HoldsAsync(async () => !await _second.IsAcceptedAsync(user.Name, key), Promised, "the second instance to refuse the removed user's key");
        Assert.False(await _first.IsAcceptedAsync(user.Name, key));
    }

    [Fact]
    public async Task An_instance_started_with_a_new_bootstrap_key_retires_the_old_one_everywhere_within_5_seconds()
    {
        var old = _first.AdminKey;
        // Both running instances have the old key in their caches before the rotation.
        Assert.True(await _first.IsAcceptedAsync(AdminUser, old));
        Assert.True(await _second.IsAcceptedAsync(AdminUser, old));

        await using var rotated = await SecondInstanceAsync(_first, bootstrapKey: ApiKeyHasher.NewKey());

        Assert.True(await rotated.IsAcceptedAsync(AdminUser, rotated.AdminKey));
        Assert.False(await rotated.IsAcceptedAsync(AdminUser, old));
        await Eventually.HoldsAsync(async () => !await _second.IsAcceptedAsync(AdminUser, old), Promised, "the second instance to refuse the old bootstrap key");
        await Eventually.HoldsAsync(async () => !await _first.IsAcceptedAsync(AdminUser, old), Promised, "the first instance to refuse the old bootstrap key");
        Assert.True(await _first.IsAcceptedAsync(AdminUser, rotated.AdminKey));
        using var admin = rotated.NewClient(AdminUser, rotated.AdminKey);
        Assert.Single(await admin.ListKeysAsync(), k => (string?)k!["label"] == AdminKeyBootstrapper.Label);
    }
}
