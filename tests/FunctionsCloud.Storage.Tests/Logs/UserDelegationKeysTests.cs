using FunctionsCloud.Storage.Logs;

namespace FunctionsCloud.Storage.Tests.Logs;

public sealed class UserDelegationKeysTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_key_for_a_seven_day_credential_stays_below_the_services_seven_day_limit()
    {
        var (starts, expires) = UserDelegationKeys.Validity(Now, Now.AddMinutes(10080));

        Assert.True(expires - Now < TimeSpan.FromDays(7), $"the key would expire {expires - Now} from now");
        Assert.True(expires - starts <= TimeSpan.FromDays(7));
        Assert.Equal(Now + UserDelegationKeys.MaxKeyLifetime, expires);
    }

    [Fact]
    public void A_key_for_a_short_credential_lives_a_day()
    {
        var (_, expires) = UserDelegationKeys.Validity(Now, Now.AddHours(1));

        Assert.Equal(Now.AddDays(1), expires);
    }
}
