using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Application.Stacks;

/// <summary>Which of a stack's services it holds: not Terminated, and not taken out by an update.</summary>
public static class StackMembers
{
    public static IReadOnlyList<Service> Held(IEnumerable<Service> services) =>
        services.Where(s => s.State != ServiceState.Terminated && !s.LeavingStack).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
}
