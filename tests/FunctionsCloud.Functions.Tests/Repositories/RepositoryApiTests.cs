using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Functions.Tests.Agents;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Repositories;

/// <summary>
/// /api/repo/v1/repository/: credentials for private repositories, registered, changed and forgotten by name, never
/// shown or stored in the clear; and the agents' side, which hands a node the credentials of an image it must run only.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RepositoryApiTests : IAsyncLifetime
{
    private const string Collection = "/api/repo/v1/repository/";
    private const string Password = "pa55-w0rd-that-stays-secret";
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_repository_is_registered_listed_changed_and_forgotten_by_name_and_its_password_never_shown_or_stored()
    {
        var name = $"registry.example.com:5000/team/app-{Guid.NewGuid():N}";
        var created = await _app.Client.PostAsJsonAsync(Collection, new { name, username = "ci", password = Password });
        await ExpectAsync(created, HttpStatusCode.Created);
        var repository = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(name, (string?)repository["name"]);
        Assert.Equal($"{Collection}{name}/", (string?)repository["resource_uri"]);
        Assert.Equal(created.Headers.Location?.OriginalString, (string?)repository["resource_uri"]);
        Assert.Equal(("registry.example.com:5000", "ci"), ((string?)repository["registry"], (string?)repository["username"]));

        var item = (string)repository["resource_uri"]!;
        Assert.Equal(name, (string?)(await _app.GetJsonAsync(item))["name"]);
        Assert.Contains((await _app.GetJsonAsync(Collection))["objects"]!.AsArray(), r => (string?)r!["name"] == name);
        await ExpectAsync(await _app.Client.PatchAsJsonAsync(item, new { username = "deploy", password = Password + "-2" }), HttpStatusCode.OK);
        Assert.Equal("deploy", (string?)(await _app.GetJsonAsync(item))["username"]);

        var rows = _app.Services.GetRequiredService<TableServiceClient>().GetTableClient(_app.Services.GetRequiredService<TableNames>().Repositories);
        await foreach (var row in rows.QueryAsync<TableEntity>())
            Assert.DoesNotContain(row, property => property.Value?.ToString()?.Contains(Password, StringComparison.Ordinal) == true);

        await ExpectAsync(await _app.Client.DeleteAsync(item), HttpStatusCode.OK);
        await ExpectAsync(await _app.Client.GetAsync(item), HttpStatusCode.NotFound);
        Assert.DoesNotContain(Password, await (await _app.Client.GetAsync(Collection)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docker_hub_names_are_one_repository_however_spelled()
    {
        var name = $"team{Guid.NewGuid():N}/app";
        await ExpectAsync(await _app.Client.PostAsJsonAsync(Collection, new { name, username = "ci", password = Password }), HttpStatusCode.Created);

        Assert.Equal(name, (string?)(await _app.GetJsonAsync($"{Collection}docker.io/{name}/"))["name"]);
        var again = await _app.Client.PostAsJsonAsync(Collection, new { name = $"index.docker.io/{name}", username = "ci", password = Password });
        await ExpectAsync(again, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"name":"registry.example.com/team/app:v2","username":"u","password":"p"}""", "name")]
    [InlineData("""{"name":"Not A Repository","username":"u","password":"p"}""", "name")]
    [InlineData("""{"username":"u","password":"p"}""", "name")]
    [InlineData("""{"name":"registry.example.com/team/app","password":"p"}""", "username")]
    [InlineData("""{"name":"registry.example.com/team/app","username":"u"}""", "password")]
    [InlineData("""{"name":"registry.example.com/team/app","username":"u","password":""}""", "password")]
    public async Task Bad_registrations_are_400s_naming_the_field_and_register_nothing(string body, string field)
    {
        var response = await _app.Client.PostAsync(Collection, new StringContent(body, new MediaTypeHeaderValue("application/json")));

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (int)(await _app.GetJsonAsync(Collection + "?name=registry.example.com/team/app"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task Another_namespace_cannot_see_change_or_forget_a_repository()
    {
        var name = $"registry.example.com/team/private-{Guid.NewGuid():N}";
        await ExpectAsync(await _app.Client.PostAsJsonAsync(Collection, new { name, username = "ci", password = Password }), HttpStatusCode.Created);
        using var bob = await new ServiceArrangements(_app).OtherNamespaceClientAsync();
        var item = $"{Collection}{name}/";

        await ExpectAsync(await bob.GetAsync(item), HttpStatusCode.NotFound);
        await ExpectAsync(await bob.PatchAsJsonAsync(item, new { username = "bob", password = "x" }), HttpStatusCode.NotFound);
        await ExpectAsync(await bob.DeleteAsync(item), HttpStatusCode.NotFound);
        Assert.Equal(0, (int)(await (await bob.GetAsync(Collection)).Content.ReadFromJsonAsync<JsonObject>())!["meta"]!["total_count"]!);
        Assert.Equal("ci", (string?)(await _app.GetJsonAsync(item))["username"]);
    }

    [Fact]
    public async Task A_node_gets_the_credentials_of_an_image_it_must_run_and_of_no_other()
    {
        var repository = $"registry.example.com/team/app-{Guid.NewGuid():N}";
        await ExpectAsync(await _app.Client.PostAsJsonAsync(Collection, new { name = repository, username = "ci", password = Password }), HttpStatusCode.Created);
        var node = await _app.RegisterNodeAsync();
        var other = await _app.RegisterNodeAsync();
        var image = $"{repository}:v1";
        await _app.Services.GetRequiredService<IContainerStore>().CreateManyAsync([ContainerRows.Of(node, 1, image: image), ContainerRows.Of(other, 1)]);

        var answer = await AskAsync(node.NodeSecret, image);
        await ExpectAsync(answer, HttpStatusCode.OK);
        Assert.Equal(new RegistryCredential("ci", Password, "registry.example.com"), await answer.Content.ReadFromJsonAsync<RegistryCredential>());

        await ExpectAsync(await AskAsync(other.NodeSecret, image), HttpStatusCode.NotFound);
        await ExpectAsync(await AskAsync(node.NodeSecret, "functionscloud/busybox:latest"), HttpStatusCode.NotFound);
        await ExpectAsync(await AskAsync("fcn_forged.secret", image), HttpStatusCode.Unauthorized);
        await ExpectAsync(await AskAsync(node.NodeSecret, "Not An Image!"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_node_of_another_namespace_never_gets_this_namespaces_credentials()
    {
        var repository = $"registry.example.com/team/app-{Guid.NewGuid():N}";
        await ExpectAsync(await _app.Client.PostAsJsonAsync(Collection, new { name = repository, username = "ci", password = Password }), HttpStatusCode.Created);
        var bobs = await _app.RegisterNodeAsync("bobs-team");
        var image = $"{repository}:v1";
        await _app.Services.GetRequiredService<IContainerStore>().CreateManyAsync([ContainerRows.Of(bobs, 1, image: image)]);

        await ExpectAsync(await AskAsync(bobs.NodeSecret, image), HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> AskAsync(string secret, string image)
    {
        using var agent = _app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, AgentRoutes.RegistryCredential) { Content = JsonContent.Create(new { image }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return await agent.SendAsync(request);
    }
}
