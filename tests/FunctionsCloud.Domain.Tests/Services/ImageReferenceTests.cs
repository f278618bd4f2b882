using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Tests.Services;

public class ImageReferenceTests
{
    [Theory]
    [InlineData("nginx")]
    [InlineData("nginx:1.27-alpine")]
    [InlineData("functionscloud/busybox:latest")]
    [InlineData("tutum/hello-world")]
    [InlineData("library/my_app__v2.x-y")]
    [InlineData("localhost/app")]
    [InlineData("localhost:5000/team/app:v2")]
    [InlineData("myregistry.azurecr.io/team/sub/app:2024.01_rc")]
    [InlineData("[::1]:5000/app")]
    [InlineData("app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("ghcr.io/org/app:v1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void References_the_engine_accepts_pass(string reference) => Assert.Null(ImageReference.Check(reference));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Nginx")]
    [InlineData("team/MyApp")]
    [InlineData("nginx:")]
    [InlineData("nginx::latest")]
    [InlineData(":latest")]
    [InlineData("-nginx")]
    [InlineData("nginx-")]
    [InlineData("team//app")]
    [InlineData("/app")]
    [InlineData("app/")]
    [InlineData("nginx latest")]
    [InlineData(" nginx")]
    [InlineData("nginx\n")]
    [InlineData("nginx:-tag")]
    [InlineData("app@sha256:short")]
    [InlineData("app@:0123456789abcdef0123456789abcdef")]
    [InlineData("rm -rf /; echo")]
    [InlineData("naïve")]
    public void Garbage_is_refused(string? reference) => Assert.NotNull(ImageReference.Check(reference));

    [Fact]
    public void Tags_are_at_most_128_characters() =>
        Assert.Equal((true, false), (ImageReference.Check("app:" + new string('t', 128)) is null, ImageReference.Check("app:" + new string('t', 129)) is null));

    [Fact]
    public void Names_are_at_most_255_characters()
    {
        var longName = string.Join('/', Enumerable.Repeat(new string('a', 63), 4)) + "/abcd";
        Assert.Equal(260, longName.Length);
        Assert.Contains("255", ImageReference.Check(longName));
    }

    [Fact]
    public void Hostile_lengths_are_refused_before_any_parsing() =>
        Assert.Contains("512", ImageReference.Check(new string('a', 60_000) + "!"));

    [Theory]
    [InlineData("tutum/hello-world:latest", "hello-world")]
    [InlineData("nginx", "nginx")]
    [InlineData("localhost:5000/team/app@sha256:0123456789abcdef0123456789abcdef", "app")]
    public void The_base_name_is_the_last_path_component_without_tag(string reference, string baseName) =>
        Assert.Equal(baseName, ImageReference.BaseName(reference));
}
