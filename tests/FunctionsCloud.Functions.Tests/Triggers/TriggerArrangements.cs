using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Testing;
using static FunctionsCloud.Functions.Tests.Services.ServiceArrangements;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Triggers;

/// <summary>Triggers made over the API, and calls of their URLs without credentials.</summary>
public sealed class TriggerArrangements(FunctionsCloudTestHost app)
{
    /// <summary>A client without an API key: a trigger's URL is its own credential.</summary>
    public HttpClient Anonymous { get; } = app.NewClient();

    public async Task<JsonObject> CreateAsync(JsonObject service, string operation, string name = "hook")
    {
        var response = await app.Client.PostAsJsonAsync(Uri(service) + "trigger/", new { name, operation });
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static string Url(JsonObject trigger) => (string)trigger["url"]!;

    public Task<HttpResponseMessage> CallAsync(JsonObject trigger, string suffix = "", string body = "") =>
        Anonymous.PostAsync(Url(trigger) + suffix, new StringContent(body));
}
