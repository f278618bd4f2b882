namespace FunctionsCloud.Domain.Services;

/// <summary>What autorestart and autodestroy make of a container that exited with a code.</summary>
public static class ExitRules
{
    /// <summary>Whether the node's engine starts the container again (its restart policy).</summary>
    public static bool Restarts(this Autorestart policy, int exitCode) => policy switch
    {
        Autorestart.Always => true,
        Autorestart.OnFailure => exitCode != 0,
        _ => false,
    };

    /// <summary>Whether the container is terminated (and its service's target lowered by one).</summary>
    public static bool Destroys(this Autodestroy policy, int exitCode) => policy switch
    {
        Autodestroy.Always => true,
        Autodestroy.OnSuccess => exitCode == 0,
        _ => false,
    };
}
