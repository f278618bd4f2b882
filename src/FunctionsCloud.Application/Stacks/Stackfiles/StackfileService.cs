using FunctionsCloud.Application.Services;

namespace FunctionsCloud.Application.Stacks.Stackfiles;

/// <summary>One service of a stackfile as the service create body it stands for, and where each API field came from.</summary>
/// <param name="Places">By API field (e.g. "image_name" from the key "image"), and "" for the service's own name.</param>
public sealed record StackfileService(CreateServiceRequest Request, IReadOnlyDictionary<string, StackfilePlace> Places);
