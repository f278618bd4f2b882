using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Domain.Tests.Validation;

public class ValidatorTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("web-1.prod_eu")]
    [InlineData("9lives")]
    public void Good_names_pass(string name) => Assert.Null(ResourceNames.Check(name));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("-web")]
    [InlineData("web cluster")]
    [InlineData("web;rm -rf")]
    [InlineData("naïve")]
    [InlineData("web\n")]
    [InlineData("web\0")]
    [InlineData("web\u202Egpj.exe")]
    public void Bad_names_are_refused(string? name) => Assert.NotNull(ResourceNames.Check(name));

    [Theory]
    [InlineData("prod\n")]
    [InlineData("rack=7\0")]
    [InlineData("a\u2066b")]
    public void Tags_with_hidden_characters_are_refused(string tag) => Assert.NotNull(ResourceNames.CheckTag(tag));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Web – production 🚀")]
    [InlineData("العربية and English")]
    public void Nicknames_are_any_readable_text(string? nickname) => Assert.Null(ResourceNames.CheckNickname(nickname));

    [Theory]
    [InlineData("web\0")]
    [InlineData("two\nlines")]
    [InlineData("tab\there")]
    [InlineData("escape \u001b[31m red")]
    [InlineData("del\u007f")]
    [InlineData("report\u202Efdp.exe")]
    [InlineData("isolate\u2067x\u2069")]
    [InlineData("mark\u200F")]
    [InlineData("line\u2028break")]
    public void Nicknames_with_control_characters_or_bidirectional_overrides_are_refused(string nickname) =>
        Assert.NotNull(ResourceNames.CheckNickname(nickname));

    [Fact]
    public void Nicknames_longer_than_the_limit_are_refused() =>
        Assert.NotNull(ResourceNames.CheckNickname(new string('a', ResourceNames.MaxNicknameLength + 1)));

    [Fact]
    public void Names_longer_than_the_limit_are_refused() =>
        Assert.Contains("64", ResourceNames.Check(new string('a', 65)));

    [Fact]
    public void Every_problem_is_reported_with_its_field()
    {
        var error = Assert.Throws<RequestValidationException>(() => new Validator()
            .Name("name", "bad name")
            .Range("target_num_nodes", 101, 0, 100)
            .Tags("tags", ["ok", "not ok"])
            .ThrowIfInvalid());

        Assert.Equal(["name", "target_num_nodes", "tags"], error.Errors.Select(e => e.Field));
        Assert.Contains("101", error.Errors[1].Message);
    }

    [Fact]
    public void A_valid_request_does_not_throw() =>
        new Validator().Name("name", "web").Range("n", 0, 0, 100).Tags("tags", ["byon=true"]).ThrowIfInvalid();
}
