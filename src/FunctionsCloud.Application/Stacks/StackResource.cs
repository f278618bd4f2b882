using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;
using FunctionsCloud.Domain.States;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Stacks;

/// <summary>A stack in Docker Cloud's shape: its services by resource_uri (those it still holds).</summary>
public sealed record StackResource(
    Guid Uuid,
    string ResourceUri,
    string Name,
    string Nickname,
    string State,
    bool Synchronized,
    IReadOnlyList<string> Services,
    DateTimeOffset? DeployedDatetime,
    DateTimeOffset? DestroyedDatetime,
    string? CurrentAction)
{
    /// <param name="services">The stack's services, Terminated ones and those leaving it included.</param>
    public static StackResource From(Stack stack, IReadOnlyList<Service> services)
    {
        var held = StackMembers.Held(services);
        return new StackResource(stack.Uuid, Uris.Stack(stack.Uuid), stack.Name, stack.Nickname, ApiNames.Of(stack.State),
            // In step when no service waits for the next redeploy to join or leave.
            Synchronized: !services.Any(s => s.LeavingStack && s.IsLive),
            held.Select(s => Uris.Service(s.Uuid)).ToList(), stack.DeployedDatetime, stack.DestroyedDatetime,
            stack.ActiveAction is { } action ? Uris.Action(action) : null);
    }
}
