using FunctionsCloud.LocalHost.Configuration;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Tests;

public sealed class AppSettingResolverTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["FunctionsCloud:Queue"] = "commands", ["Plain"] = "p" })
        .Build();

    [Theory]
    [InlineData("%FunctionsCloud__Queue%", "commands")]
    [InlineData("%Plain%-x", "p-x")]
    [InlineData("literal", "literal")]
    public void Setting_references_resolve_with_double_underscore_as_section(string value, string expected) =>
        Assert.Equal(expected, AppSettingResolver.Resolve(value, Configuration, "F"));

    [Fact]
    public void Missing_setting_names_the_setting_and_function()
    {
        var e = Assert.Throws<InvalidOperationException>(() => AppSettingResolver.Resolve("%Nope%", Configuration, "MyFunction"));

        Assert.Contains("Nope", e.Message);
        Assert.Contains("MyFunction", e.Message);
    }
}
