using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Application.Tests.Api;

public class ListRequestTests
{
    private static readonly IReadOnlySet<string> Fields = new HashSet<string> { "name", "state", "uuid" };

    private static KeyValuePair<string, string> Q(string key, string value) => new(key, value);

    [Fact]
    public void Defaults_to_25_from_the_start()
    {
        var request = ListRequest.Parse([], Fields);

        Assert.Equal((25, 0), (request.Limit, request.Offset));
        Assert.Empty(request.Filters);
    }

    [Fact]
    public void Reads_paging_and_both_filter_forms()
    {
        var request = ListRequest.Parse([Q("limit", "10"), Q("offset", "20"), Q("state", "Deployed"), Q("uuid__startswith", "ab12")], Fields);

        Assert.Equal((10, 20), (request.Limit, request.Offset));
        Assert.Equal(new FieldFilter("state", FilterOperator.Equals, "Deployed"), request.Filters[0]);
        Assert.Equal(new FieldFilter("uuid", FilterOperator.StartsWith, "ab12"), request.Filters[1]);
    }

    [Theory]
    [InlineData("limit", "0")]
    [InlineData("limit", "abc")]
    [InlineData("offset", "-1")]
    [InlineData("offset", "2147483647")]
    [InlineData("offset", "10000001")]
    [InlineData("offset", "99999999999")]
    [InlineData("limit", "1001")]
    [InlineData("limit", "2147483647")]
    [InlineData("colour", "blue")]
    [InlineData("colour__startswith", "b")]
    public void Bad_parameters_are_400s_naming_them(string key, string value)
    {
        var error = Assert.Throws<RequestValidationException>(() => ListRequest.Parse([Q(key, value)], Fields));

        Assert.Equal(key, error.Errors.Single().Field);
    }

    [Fact]
    public void Meta_links_the_neighbouring_pages_and_keeps_the_filters()
    {
        var query = new[] { Q("state", "Deployed"), Q("limit", "10"), Q("offset", "10") };
        var meta = ListRequest.Parse(query, Fields).Meta("/api/infra/v1/node/", 25, query);

        Assert.Equal(25, meta.TotalCount);
        Assert.Equal("/api/infra/v1/node/?state=Deployed&limit=10&offset=20", meta.Next);
        Assert.Equal("/api/infra/v1/node/?state=Deployed&limit=10&offset=0", meta.Previous);
        Assert.Null(ListRequest.Parse([Q("offset", "20"), Q("limit", "10")], Fields).Meta("/x/", 25, []).Next);
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(0, 1000, 5)]
    [InlineData(10_000_000, 1000, 25)]
    [InlineData(10_000_000, 1, 2_000_000_000)]
    [InlineData(24, 25, 25)]
    [InlineData(1000, 10, 25)]
    public void Next_and_previous_are_always_pages_that_can_be_asked_for(int offset, int limit, int total)
    {
        var query = new[] { Q("limit", limit.ToString()), Q("offset", offset.ToString()) };
        var meta = ListRequest.Parse(query, Fields).Meta("/x/", total, query);

        foreach (var page in new[] { meta.Next, meta.Previous }.OfType<string>())
        {
            var paging = page["/x/?".Length..].Split('&').Select(p => p.Split('=')).Select(p => Q(p[0], p[1])).ToList();
            var parsed = ListRequest.Parse(paging, Fields);
            Assert.InRange(parsed.Offset, 0, Math.Max(0, total - 1));
        }

        Assert.Equal(offset + limit < total && offset + limit <= ListRequest.MaxOffset, meta.Next is not null);
        Assert.Equal(offset > 0, meta.Previous is not null);
    }
}
