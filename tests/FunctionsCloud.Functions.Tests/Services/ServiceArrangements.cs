using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.ApiKeys;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Services;

/// <summary>
/// Puts services and containers where a test needs them. Services are created over HTTP; states, containers and
/// operations in flight, which only orchestrations and agents make, are written to the stores directly, so that
/// the API's answers can be tested without waiting on (or depending on) an orchestration's outcome.
/// </summary>
public sealed class ServiceArrangements(FunctionsCloudTestHost app)
{
    public const string Image = "functionscloud/busybox:latest";

    private IServiceStore Services => app.Services.GetRequiredService<IServiceStore>();

    public async Task<JsonObject> CreateAsync(object body, HttpClient? client = null)
    {
        var response = await (client ?? app.Client).PostAsJsonAsync("/api/app/v1/service/", body);
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public Task<JsonObject> CreateAsync(string name) => CreateAsync(new { image_name = Image, name });

    /// <summary>Moves the service to a state as an operation would have left it, with no operation in flight.</summary>
    public Task SetStateAsync(JsonObject service, ServiceState state) => ChangeAsync(service, s => s.Restore(state));

    /// <summary>Takes the service's operation slot for an action, as an operation in flight does.</summary>
    public Task HoldAsync(JsonObject service, Guid action) => ChangeAsync(service, s => s.ActiveAction = action);

    public async Task<Service> StoredAsync(JsonObject service) =>
        (await Services.GetAsync(AdminNamespace, Uuid(service)))!;

    /// <summary>A container of the service on a node, as an operation places it and its agent reports it.</summary>
    public async Task<Container> AddContainerAsync(JsonObject service, int number, ContainerState state, Guid? node = null, IReadOnlyList<BoundPort>? ports = null)
    {
        var stored = await StoredAsync(service);
        var container = new Container
        {
            Uuid = Guid.NewGuid(),
            Namespace = AdminNamespace,
            ServiceUuid = stored.Uuid,
            ServiceName = stored.Name,
            Number = number,
            NodeUuid = node ?? Guid.NewGuid(),
            Spec = new ContainerSpec(stored.ImageName, stored.RunCommand, stored.Entrypoint, stored.WorkingDir, stored.ContainerEnvvars,
                stored.ContainerPorts, [], stored.Memory, stored.CpuShares, stored.Autorestart, stored.Autodestroy),
            Ports = ports ?? [],
            PrivateIp = $"172.17.0.{number + 1}",
            DockerId = $"{number:x2}c0ffee",
            CreatedDatetime = DateTimeOffset.UtcNow,
            StartedDatetime = DateTimeOffset.UtcNow,
        };
        container.Restore(state);
        await app.Services.GetRequiredService<IContainerStore>().CreateAsync(container);
        return container;
    }

    /// <summary>A client of another user in another namespace.</summary>
    public async Task<HttpClient> OtherNamespaceClientAsync()
    {
        var key = ApiKeyHasher.NewKey();
        await app.Services.GetRequiredService<IApiKeyStore>().UpsertAsync(new ApiKeyRecord
        {
            User = "bob", KeyHash = ApiKeyHasher.Hash(key), Namespace = "bobs-team", CreatedAt = DateTimeOffset.UtcNow,
        });
        return app.NewClient("bob", key);
    }

    public static Guid Uuid(JsonObject resource) => Guid.Parse((string)resource["uuid"]!);

    public static string Uri(JsonObject resource) => (string)resource["resource_uri"]!;

    private async Task ChangeAsync(JsonObject service, Action<Service> change) =>
        await Services.UpdateAsync(AdminNamespace, Uuid(service), s =>
        {
            change(s);
            return true;
        });
}
