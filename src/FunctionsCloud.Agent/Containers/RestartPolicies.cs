using Docker.DotNet.Models;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Agent.Containers;

/// <summary>Autorestart as the engine's restart policy: the engine, not the agent, restarts containers that exit.</summary>
public static class RestartPolicies
{
    public static RestartPolicy For(Autorestart autorestart) => new()
    {
        Name = autorestart switch
        {
            Autorestart.OnFailure => RestartPolicyKind.OnFailure,
            Autorestart.Always => RestartPolicyKind.Always,
            _ => RestartPolicyKind.No,
        },
    };
}
