using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Resources;

namespace FunctionsCloud.Domain.Tests.Resources;

public class ResourceUriTests
{
    [Theory]
    [InlineData("/api/infra/v1/region/aws/us-east-1/", "aws", "us-east-1")]
    [InlineData("/api/infra/v1/region/aws/us-east-1", "aws", "us-east-1")]
    [InlineData("https://cloud.example.com/api/infra/v1/region/local/local/", "local", "local")]
    public void Parses_catalog_uris(string uri, string provider, string name)
    {
        Assert.True(ResourceUris.TryParseCatalogUri(uri, "region", out var p, out var n));
        Assert.Equal((provider, name), (p, n));
    }

    [Theory]
    [InlineData("/api/infra/v1/nodetype/aws/t3.micro/")]
    [InlineData("us-east-1")]
    [InlineData("/api/infra/v1/region/aws/")]
    [InlineData("")]
    public void Refuses_other_uris(string uri) => Assert.False(ResourceUris.TryParseCatalogUri(uri, "region", out _, out _));

    [Fact]
    public void Object_uris_end_with_a_slash() =>
        Assert.Equal("/api/infra/v1/nodecluster/6f1e8c0b-2a3b-4c5d-8e9f-0a1b2c3d4e5f/", ResourceUris.NodeCluster(Guid.Parse("6f1e8c0b-2a3b-4c5d-8e9f-0a1b2c3d4e5f")));

    [Fact]
    public void Deterministic_ids_take_the_uuid4_form_and_stay_deterministic()
    {
        var source = Guid.Parse("0f8fad5b-d9cb-569f-a165-70867728950e"); // a v5 id
        var id = Uuid4.From(source);

        Assert.Equal(id, Uuid4.From(source));
        Assert.True(Uuid4.IsUuid4(id.ToString("D")));
        Assert.False(Uuid4.IsUuid4(source.ToString("D")));
    }

    [Fact]
    public void Ids_made_later_sort_first_by_their_key_and_keep_the_uuid4_form()
    {
        var t0 = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var earlier = Uuid4.NewestFirst(t0);
        var later = Uuid4.NewestFirst(t0.AddMilliseconds(5));
        var sameTime = Uuid4.NewestFirst(t0);

        Assert.True(string.CompareOrdinal(Uuid4.NewestFirstKey(later), Uuid4.NewestFirstKey(earlier)) < 0);
        Assert.NotEqual(earlier, sameTime);
        Assert.True(Uuid4.IsUuid4(earlier.ToString("D")) && Uuid4.IsUuid4(later.ToString("D")));
    }

    [Fact]
    public void Ids_made_in_the_same_millisecond_are_random_from_their_first_character()
    {
        var now = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 200).Select(_ => Uuid4.NewestFirst(now).ToString("D")).ToList();

        // Clients show and resolve the first 8 characters; 32 random bits make a clash among 200 about 1 in 200,000.
        Assert.Equal(ids.Count, ids.Select(id => id[..8]).Distinct().Count());
        Assert.True(ids.Select(id => id[0]).Distinct().Count() >= 12);
    }
}
