using FunctionsCloud.Application.Services;

namespace FunctionsCloud.Application.Stacks;

/// <summary>One checked service of a stack request: its name, its fields as changes, and its links by service name.</summary>
public sealed record StackServiceSpec(string Name, CreateServiceRequest Request, ServiceChanges Changes, IReadOnlyList<StackLink> Links);

/// <summary>A link inside a stack: the alias, and the linked service's name in the stack.</summary>
public sealed record StackLink(string Alias, string Target);
