using FunctionsCloud.Application.Services;

namespace FunctionsCloud.Application.Stacks;

/// <summary>One checked service of a stack request: its name, its fields as changes, and its links and bindings by service name.</summary>
public sealed record StackServiceSpec(string Name, CreateServiceRequest Request, ServiceChanges Changes, IReadOnlyList<StackLink> Links, IReadOnlyList<StackBinding> Bindings);

/// <summary>A link inside a stack: the alias, and the linked service's name in the stack.</summary>
public sealed record StackLink(string Alias, string Target);
