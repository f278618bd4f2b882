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
    public void Bad_names_are_refused(string? name) => Assert.NotNull(ResourceNames.Check(name));

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
