using FunctionsCloud.Application.Commands;
using FunctionsCloud.Storage.Commands;

namespace FunctionsCloud.Application.Tests.Commands;

public class PoisonCommandResourceTests
{
    private static PoisonCommandResource From(string body) =>
        PoisonCommandResource.From(new PeekedCommand("m1", DateTimeOffset.UnixEpoch, 0, BinaryData.FromString(body)), BinaryData.FromString(body));

    [Fact]
    public void The_credential_is_removed_in_any_letter_case_and_the_rest_is_kept()
    {
        var shown = From("""{"authorization":"Basic c2VjcmV0","Authorization":"Basic c2VjcmV0","operation":"start"}""");

        Assert.Equal("""{"operation":"start"}""", shown.Body!.ToJsonString());
    }

    [Fact]
    public void A_body_that_is_not_a_json_object_is_not_shown()
    {
        Assert.Null(From("Basic c2VjcmV0 start web").Body);
        Assert.Null(From("[\"Basic c2VjcmV0\"]").Body);
    }
}
