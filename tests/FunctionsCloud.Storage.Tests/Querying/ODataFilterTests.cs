using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Tests.Querying;

public sealed class ODataFilterTests
{
    private static readonly QueryFields Fields = new("things", new Dictionary<string, QueryField>
    {
        ["uuid"] = new("RowKey", QueryValues.Uuid),
        ["name"] = new("Name"),
    });

    [Fact]
    public void The_partition_is_always_filtered() =>
        Assert.Equal("PartitionKey eq 'alice'", ODataFilter.For("alice", TableQuery.All, Fields));

    [Fact]
    public void Equals_quotes_and_escapes_the_value() =>
        Assert.Equal("(PartitionKey eq 'a''b') and (Name eq 'o''brien')", ODataFilter.For("a'b", TableQuery.All.Where("name", "o'brien"), Fields));

    [Fact]
    public void Startswith_is_a_half_open_range() =>
        Assert.Equal("(PartitionKey eq 'alice') and ((Name ge 'web') and (Name lt 'wec'))", ODataFilter.For("alice", TableQuery.All.WhereStartsWith("name", "web"), Fields));

    [Fact]
    public void An_empty_prefix_filters_nothing() =>
        Assert.Equal("PartitionKey eq 'alice'", ODataFilter.For("alice", TableQuery.All.WhereStartsWith("name", ""), Fields));

    [Fact]
    public void Unknown_fields_are_bad_input()
    {
        var error = Assert.Throws<UnknownQueryFieldException>(() => ODataFilter.For("alice", TableQuery.All.Where("Name", "x"), Fields));

        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.Equal("things", error.Resource);
    }

    [Theory]
    [InlineData("6F9619FF-8B86-D011-B42D-00C04FC964FF", "6f9619ff-8b86-d011-b42d-00c04fc964ff")]
    [InlineData("/api/infra/v1/nodecluster/6f9619ff-8b86-d011-b42d-00c04fc964ff/", "6f9619ff-8b86-d011-b42d-00c04fc964ff")]
    [InlineData("6F96", "6f96")]
    public void Uuid_values_take_their_stored_form(string value, string stored) =>
        Assert.Equal(stored, QueryValues.Uuid(value));
}
