using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Tests.Agents;

public class ImageEnvironmentRulesTests
{
    [Fact]
    public void The_engines_entries_are_split_at_the_first_equals_sign_and_malformed_ones_left_out()
    {
        var fit = ImageEnvironmentRules.Fit(["PATH=/bin:/usr/bin", "EMPTY=", "URL=a=b", "=nokey", "NOEQUALS", "BELL=\a"]);

        Assert.Equal([new EnvironmentVariable("PATH", "/bin:/usr/bin"), new EnvironmentVariable("EMPTY", ""), new EnvironmentVariable("URL", "a=b")], fit);
    }

    [Fact]
    public void A_longer_list_is_cut_at_the_bounds_keeping_the_first()
    {
        var many = ImageEnvironmentRules.Fit(Enumerable.Range(0, ImageEnvironmentRules.MaxVariables + 5).Select(i => $"V{i}=x"));
        var oneLong = ImageEnvironmentRules.Fit(["A=" + new string('a', ImageEnvironmentRules.MaxLength - 2), "B=b"]);

        Assert.Equal((ImageEnvironmentRules.MaxVariables, "V0"), (many.Count, many[0].Key));
        Assert.Equal("A", Assert.Single(oneLong).Key);
        Assert.Empty(ImageEnvironmentRules.Fit(null));
    }
}
