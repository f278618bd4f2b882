using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Http;

/// <summary>
/// Values that Table storage would refuse (a property over 64 KiB, strings counting twice) or that are simply more
/// than a field is for: refused first, as a 400 naming the field and its limit, with nothing stored.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FieldLimitTests : IAsyncLifetime
{
    private const string Image = "functionscloud/busybox";
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly string Long = new('a', 40_000);
    private static JsonArray Tags(int count) => [.. Enumerable.Range(0, count).Select(i => new JsonObject { ["name"] = $"tag-{i}" })];

    public static TheoryData<string, string, int> ServiceCases() => new()
    {
        { "working_dir", "/" + Long, FieldLimits.WorkingDir },
        { "run_command", Long, FieldLimits.RunCommand },
        { "entrypoint", Long, FieldLimits.Entrypoint },
        { "image_name", Image + new string('x', FieldLimits.ImageName), FieldLimits.ImageName },
    };

    [Theory]
    [MemberData(nameof(ServiceCases))]
    public async Task A_service_text_over_its_limit_is_a_400_naming_the_field_and_the_limit(string field, string value, int limit)
    {
        var body = new JsonObject { ["image_name"] = Image, [field] = value };

        await ExpectRefusedAsync("/api/app/v1/service/", body, field, limit);
    }

    [Fact]
    public async Task Service_lists_over_their_limits_are_400s_naming_the_field_and_the_limit()
    {
        await ExpectRefusedAsync("/api/app/v1/service/", new JsonObject { ["image_name"] = Image, ["tags"] = Tags(800) }, "tags", FieldLimits.Tags);
        JsonArray ports = [.. Enumerable.Range(1, FieldLimits.ContainerPorts + 1).Select(p => new JsonObject { ["inner_port"] = p })];
        await ExpectRefusedAsync("/api/app/v1/service/", new JsonObject { ["image_name"] = Image, ["container_ports"] = ports }, "container_ports", FieldLimits.ContainerPorts);
        JsonArray many = [.. Enumerable.Range(0, FieldLimits.ContainerEnvvars + 1).Select(i => new JsonObject { ["key"] = $"V{i}", ["value"] = "x" })];
        await ExpectRefusedAsync("/api/app/v1/service/", new JsonObject { ["image_name"] = Image, ["container_envvars"] = many }, "container_envvars", FieldLimits.ContainerEnvvars);
        JsonArray large = [.. Enumerable.Range(0, 5).Select(i => new JsonObject { ["key"] = $"V{i}", ["value"] = new string('v', 8000) })];
        await ExpectRefusedAsync("/api/app/v1/service/", new JsonObject { ["image_name"] = Image, ["container_envvars"] = large }, "container_envvars", FieldLimits.ContainerEnvvarsCharacters);
    }

    [Fact]
    public async Task Cluster_and_token_fields_over_their_limits_are_400s_naming_the_field_and_the_limit()
    {
        JsonObject Cluster(string field, JsonNode value) => new()
        {
            ["name"] = "web", ["region"] = "/api/infra/v1/region/local/local/", ["node_type"] = "/api/infra/v1/nodetype/local/local/", [field] = value,
        };

        await ExpectRefusedAsync("/api/infra/v1/nodecluster/", Cluster("provider_options", new JsonObject { ["note"] = Long }), "provider_options", FieldLimits.ProviderOptions);
        await ExpectRefusedAsync("/api/infra/v1/nodecluster/", Cluster("tags", Tags(800)), "tags", FieldLimits.Tags);
        await ExpectRefusedAsync("/api/infra/v1/token/", new JsonObject { ["tags"] = Tags(800) }, "tags", FieldLimits.Tags);
    }

    [Fact]
    public async Task Values_at_their_limits_are_kept()
    {
        var body = new JsonObject
        {
            ["image_name"] = Image,
            ["working_dir"] = "/" + new string('w', FieldLimits.WorkingDir - 1),
            ["run_command"] = new string('r', FieldLimits.RunCommand),
            ["tags"] = Tags(FieldLimits.Tags),
            ["container_envvars"] = new JsonArray([.. Enumerable.Range(0, 2).Select(i => new JsonObject { ["key"] = $"V{i}", ["value"] = new string('v', FieldLimits.ContainerEnvvarsCharacters / 2 - 2) })]),
        };

        var response = await _app.Client.PostAsJsonAsync("/api/app/v1/service/", body);

        await ExpectAsync(response, HttpStatusCode.Created);
    }

    private async Task ExpectRefusedAsync(string path, JsonObject body, string field, int limit)
    {
        var response = await _app.Client.PostAsJsonAsync(path, body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {field}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), text);
        Assert.Contains(limit.ToString(), text);
        Assert.Equal(0, (int)(await _app.GetJsonAsync(path))["meta"]!["total_count"]!);
    }
}
