namespace FunctionsCloud.Infrastructure.Tests;

/// <summary>Only regions with Flex Consumption can be chosen, so a wrong one fails before anything is made.</summary>
public class LocationTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    private static List<string> Allowed() =>
        Template.Root.GetProperty("parameters").GetProperty("location").GetProperty("allowedValues")
            .EnumerateArray().Select(v => v.GetString()!).ToList();

    [Theory]
    [InlineData("eastus")]
    [InlineData("eastus2")]
    [InlineData("westeurope")]
    [InlineData("northeurope")]
    [InlineData("swedencentral")]
    [InlineData("australiaeast")]
    [InlineData("japaneast")]
    public void A_flex_consumption_region_is_allowed(string region) => Assert.Contains(region, Allowed());

    [Theory]
    [InlineData("westindia")]
    [InlineData("brazilsoutheast")]
    [InlineData("chinanorth")]
    [InlineData("usgovvirginia")]
    public void A_region_without_flex_consumption_is_refused(string region) => Assert.DoesNotContain(region, Allowed());

    [Fact]
    public void The_list_is_sorted_without_repeats_and_azd_still_asks_for_a_location()
    {
        var allowed = Allowed();

        Assert.True(allowed.Count >= 30);
        Assert.Equal(allowed.Order(StringComparer.Ordinal), allowed);
        Assert.Equal(allowed.Distinct(), allowed);
        Assert.Equal("location", Template.Root.GetProperty("parameters").GetProperty("location")
            .GetProperty("metadata").GetProperty("azd").GetProperty("type").GetString());
    }
}
