using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Tests.Services;

public class ServiceNamesTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("Web-2")]
    [InlineData("a")]
    public void Good_names_pass(string name) => Assert.Null(ServiceNames.Check(name));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2web")]
    [InlineData("-web")]
    [InlineData("web_app")]
    [InlineData("web.app")]
    [InlineData("web app")]
    [InlineData("wéb")]
    [InlineData("web\n")]
    public void Bad_names_are_refused(string? name) => Assert.NotNull(ServiceNames.Check(name));

    [Fact]
    public void Names_are_at_most_64_characters() =>
        Assert.Equal((true, false), (ServiceNames.Check("w" + new string('1', 63)) is null, ServiceNames.Check("w" + new string('1', 64)) is null));

    [Theory]
    [InlineData("tutum/hello-world:latest", "hello-world")]
    [InlineData("registry:5000/team/my_app.v2", "my-app-v2")]
    [InlineData("team/2fast", "fast")]
    [InlineData("team/123", "service")]
    public void Default_names_come_from_the_image(string image, string name) =>
        Assert.Equal(name, ServiceNames.FromImage(image, _ => false));

    [Fact]
    public void A_default_name_in_use_gets_the_next_free_number()
    {
        var taken = new HashSet<string> { "nginx", "nginx-2" };
        Assert.Equal("nginx-3", ServiceNames.FromImage("nginx:1.27", taken.Contains));
    }

    [Fact]
    public void Long_default_names_stay_valid_with_their_number()
    {
        var image = "a" + new string('b', 100);
        var name = ServiceNames.FromImage(image, n => n.Length == 64 && !n.EndsWith("-2"));
        Assert.Equal((64, true), (name.Length, name.EndsWith("-2")));
        Assert.Null(ServiceNames.Check(name));
    }
}
