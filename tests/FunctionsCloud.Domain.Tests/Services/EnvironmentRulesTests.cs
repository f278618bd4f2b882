using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Tests.Services;

public class EnvironmentRulesTests
{
    [Fact]
    public void Shell_names_with_any_values_pass() =>
        Assert.Empty(EnvironmentRules.Problems([new("PATH", "/bin"), new("_private", ""), new("db_url2", "postgres://x?y=1 z")]));

    [Theory]
    [InlineData("")]
    [InlineData("2FAST")]
    [InlineData("MY-VAR")]
    [InlineData("A B")]
    [InlineData("A=B")]
    [InlineData("PATH\n")]
    public void Bad_keys_are_refused(string key) => Assert.Single(EnvironmentRules.Problems([new(key, "v")]));

    [Fact]
    public void A_key_given_twice_is_refused() =>
        Assert.Contains("'A' is given 2 times", Assert.Single(EnvironmentRules.Problems([new("A", "1"), new("B", "2"), new("A", "3")])));

    [Fact]
    public void Keys_are_at_most_255_characters() =>
        Assert.Contains("255", Assert.Single(EnvironmentRules.Problems([new(new string('K', 256), "")])));

    [Fact]
    public void Variables_that_would_not_fit_a_stored_row_are_refused() =>
        Assert.Contains("16384", Assert.Single(EnvironmentRules.Problems([new("A", new string('v', 10_000)), new("B", new string('v', 7_000))])));
}
