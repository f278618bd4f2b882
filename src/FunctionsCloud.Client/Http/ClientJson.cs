using System.Text.Json.Serialization;
using FunctionsCloud.Client.Requests;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Client.Http;

/// <summary>
/// The wire format, generated at build time so it survives trimming in the browser: snake_case names, RFC 1123
/// dates, unknown fields skipped (the API may grow), nulls left out of requests (a PATCH changes what it names).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc1123DateConverter)])]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(ListPage<Provider>))]
[JsonSerializable(typeof(ListPage<Region>))]
[JsonSerializable(typeof(ListPage<NodeType>))]
[JsonSerializable(typeof(ListPage<NodeCluster>))]
[JsonSerializable(typeof(ListPage<Node>))]
[JsonSerializable(typeof(ListPage<Service>))]
[JsonSerializable(typeof(ListPage<Container>))]
[JsonSerializable(typeof(ListPage<AuditAction>))]
[JsonSerializable(typeof(ListPage<NodeEvent>))]
[JsonSerializable(typeof(ObjectEvent))]
[JsonSerializable(typeof(ListPage<ObjectEvent>))]
[JsonSerializable(typeof(ProviderAccount))]
[JsonSerializable(typeof(ListPage<RegistrationToken>))]
[JsonSerializable(typeof(ListPage<Trigger>))]
[JsonSerializable(typeof(ListPage<ApiKey>))]
[JsonSerializable(typeof(ListPage<User>))]
[JsonSerializable(typeof(ListPage<Organization>))]
[JsonSerializable(typeof(ListPage<Team>))]
[JsonSerializable(typeof(CreateApiKeyRequest))]
[JsonSerializable(typeof(CreateUserRequest))]
[JsonSerializable(typeof(PatchUserRequest))]
[JsonSerializable(typeof(Me))]
[JsonSerializable(typeof(CreateOrganizationRequest))]
[JsonSerializable(typeof(TeamRequest))]
[JsonSerializable(typeof(ListPage<Stack>))]
[JsonSerializable(typeof(CreateNodeClusterRequest))]
[JsonSerializable(typeof(ScaleNodeClusterRequest))]
[JsonSerializable(typeof(CreateServiceRequest))]
[JsonSerializable(typeof(ScaleServiceRequest))]
[JsonSerializable(typeof(CreateRegistrationTokenRequest))]
[JsonSerializable(typeof(CreateTriggerRequest))]
[JsonSerializable(typeof(LogMessage))]
[JsonSerializable(typeof(List<LogMessage>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(EmptyBody))]
internal sealed partial class ClientJson : JsonSerializerContext;

/// <summary>The <c>{}</c> that operations without input are sent.</summary>
internal sealed record EmptyBody;
