using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FunctionsCloud.LocalHost.Tests.SampleFunctions;
using FunctionsCloud.Testing;

namespace FunctionsCloud.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class HttpFunctionTests(HttpHostFixture fixture) : IClassFixture<HttpHostFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Route_guid_binds_and_middleware_set_user_reaches_the_function()
    {
        var id = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"widgets/{id}");
        request.Headers.Add(SetUserMiddleware.Header, "alice");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, body.GetProperty("id").GetGuid());
        Assert.Equal("alice", body.GetProperty("user").GetString());
    }

    [Fact]
    public async Task Route_value_that_is_not_a_guid_is_404_problem()
    {
        using var response = await Client.GetAsync("widgets/not-a-guid");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_binds_route_value_and_json_body_and_returns_action_result()
    {
        using var response = await Client.PostAsJsonAsync("widgets/sprocket", new WidgetBody(7));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sprocket", body.GetProperty("name").GetString());
        Assert.Equal(7, body.GetProperty("size").GetInt32());
        Assert.Equal("CreateWidget", body.GetProperty("function").GetString());
    }

    [Fact]
    public async Task Accepted_result_keeps_location_and_headers_set_by_the_function()
    {
        var id = Guid.NewGuid();

        using var response = await Client.PostAsync($"widgets/{id}/jobs", content: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/widgets/{id}/jobs/1", response.Headers.Location?.OriginalString);
        Assert.Equal($"job-{id:N}", Assert.Single(response.Headers.GetValues("X-Job-Id")));
    }

    [Theory]
    [InlineData("infra/v1/nodecluster")]
    [InlineData("infra/v1/nodecluster/")]
    public async Task Trailing_slash_matches_either_way(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Method_the_route_does_not_allow_is_405_problem()
    {
        using var response = await Client.DeleteAsync($"widgets/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(405, problem.GetProperty("status").GetInt32());
        Assert.Contains("DELETE", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("nothing-here")]
    [InlineData("widgets")]
    public async Task Unknown_route_is_404(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Route_prefix_is_required()
    {
        using var response = await Client.GetAsync(new Uri(fixture.Host.BaseAddress, "infra/v1/nodecluster"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Int_route_value_and_query_value_bind_by_parameter_name()
    {
        var body = await Client.GetFromJsonAsync<JsonElement>("pages/3?sort=name");

        Assert.Equal(3, body.GetProperty("number").GetInt32());
        Assert.Equal("name", body.GetProperty("sort").GetString());
    }

    [Fact]
    public async Task Middleware_that_does_not_call_next_short_circuits_the_function()
    {
        using var anonymous = TestHosts.ClientFor(fixture.Host);

        using var response = await anonymous.GetAsync("explode"); // the function would answer 500

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unauthorized", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unhandled_exception_is_500_problem_without_its_message()
    {
        using var response = await Client.GetAsync("explode");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("exploded", await response.Content.ReadAsStringAsync());
    }
}
