using FunctionsCloud.Application.Api;

namespace FunctionsCloud.Application.Tests.Api;

public sealed class ActionBodyTests
{
    [Fact]
    public void Secret_fields_lose_their_values_at_any_depth_and_the_rest_stays()
    {
        var body = """{"target_num_nodes":3,"authorization":"Basic eDp5","provider_options":{"iam":{"secret_access_key":"s3cr3t"}},"accounts":[{"password":"p","user":"u"}]}""";

        var kept = ActionBody.Redact(body);

        Assert.Equal("""{"target_num_nodes":3,"authorization":"[removed]","provider_options":{"iam":{"secret_access_key":"[removed]"}},"accounts":[{"password":"[removed]","user":"u"}]}""", kept);
    }

    [Fact]
    public void A_body_that_is_not_json_is_kept_as_sent_and_a_long_one_is_cut()
    {
        Assert.Equal("commit=abc123", ActionBody.Redact("commit=abc123"));
        Assert.Equal("", ActionBody.Redact(""));
        var cut = ActionBody.Redact(new string('a', ActionBody.MaxLength * 2));
        Assert.Equal(ActionBody.MaxLength, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
    }
}
