using System.Text;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.NodeClusters;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Tests.Api;

public class RequestBodyTests
{
    private static CreateNodeClusterRequest Parse(string json) => RequestBody.Parse<CreateNodeClusterRequest>(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Reads_snake_case_fields()
    {
        var request = Parse("""{"name":"web","target_num_nodes":3,"region":"/api/infra/v1/region/local/local/","tags":[{"name":"a"}]}""");

        Assert.Equal(("web", 3), (request.Name, request.TargetNumNodes));
        Assert.Equal("a", request.Tags!.Single().Name);
    }

    [Theory]
    [InlineData("{\"name\": ", "body")]
    [InlineData("[1,2]", "body")]
    [InlineData("", "body")]
    [InlineData("{\"target_num_nodes\": \"three\"}", "target_num_nodes")]
    [InlineData("{\"target_num_nodes\": 2.5}", "target_num_nodes")]
    [InlineData("{\"tags\": \"web\"}", "tags")]
    [InlineData("{\"colour\": \"blue\"}", "colour")]
    [InlineData("{\"name\": \"web\", \"name\": \"web\"}", "name")]
    [InlineData("{\"tags\": [{\"name\": \"a\", \"name\": \"b\"}]}", "tags")]
    [InlineData("{\"provider_options\": {\"vpc\": {\"id\": \"a\", \"id\": \"b\"}}}", "provider_options")]
    [InlineData("{\"name\": \"\\ud800\"}", "name")]
    [InlineData("{\"name\": \"web\\udc00x\"}", "name")]
    [InlineData("{\"\\ud800\": 1}", "body")]
    [InlineData("{\"provider_options\": {\"\\ud800\": 1}}", "provider_options")]
    [InlineData("{\"tags\": [null]}", "tags")]
    [InlineData("{\"tags\": [{\"name\": \"a\"}, null]}", "tags")]
    public void Bad_bodies_name_the_field(string json, string field)
    {
        var error = Assert.Throws<RequestValidationException>(() => Parse(json));

        Assert.Equal(field, error.Errors[0].Field);
    }

    [Fact]
    public async Task Oversized_bodies_are_refused_before_parsing()
    {
        var big = new MemoryStream(Encoding.UTF8.GetBytes("{\"name\":\"" + new string('a', RequestBody.MaxBytes) + "\"}"));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => RequestBody.ReadAsync<CreateNodeClusterRequest>(big, CancellationToken.None));

        Assert.Equal("body", error.Errors[0].Field);
    }
}
