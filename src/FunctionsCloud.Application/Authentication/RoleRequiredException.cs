using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Application.Authentication;

/// <summary>The caller is known but their key's role is too weak for what they asked (403).</summary>
public sealed class RoleRequiredException(Role needed, string what)
    : Exception($"{what} needs the {ApiNames.Of(needed)} role.")
{
    public Role Needed { get; } = needed;
}
