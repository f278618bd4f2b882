using FunctionsCloud.LocalHost;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Tests;

public sealed class AdminApiKeyBannerTests
{
    private const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void The_runs_own_key_is_shown_at_the_start_that_made_it_and_later_only_the_file_it_is_in_is_named()
    {
        var configuration = new ConfigurationBuilder().Build();
        var first = new StringWriter();
        var later = new StringWriter();

        AdminApiKeyBanner.Print(configuration, new(Key, MadeNow: true, "/state/secrets.json"), first);
        AdminApiKeyBanner.Print(configuration, new(Key, MadeNow: false, "/state/secrets.json"), later);

        Assert.Contains($"FC_APIKEY={Key}", first.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, later.ToString(), StringComparison.Ordinal);
        Assert.Contains("/state/secrets.json", later.ToString(), StringComparison.Ordinal);
    }
}
