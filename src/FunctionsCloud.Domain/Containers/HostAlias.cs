using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Containers;

/// <summary>A name that resolves inside the container (an /etc/hosts entry), e.g. a link alias to a linked container's address.</summary>
public sealed record HostAlias(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("address")] string Address);
