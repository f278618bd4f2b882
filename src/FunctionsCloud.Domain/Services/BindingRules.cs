namespace FunctionsCloud.Domain.Services;

/// <summary>
/// Docker Cloud's rules for one binding, before the service it may name is looked up: paths absolute and free of
/// the characters the engine's mount syntax uses, and one kind per binding.
/// </summary>
public static class BindingRules
{
    /// <summary>Linux's PATH_MAX.</summary>
    public const int MaxPathLength = 4096;

    /// <summary>Null when the binding's shape is one of the three kinds; <paramref name="hasVolumesFrom"/> says whether one was named.</summary>
    public static string? Problem(string? hostPath, string? containerPath, bool hasVolumesFrom)
    {
        if (hostPath is not null && hasVolumesFrom)
            return "a binding takes host_path or volumes_from, not both.";
        if (hasVolumesFrom)
            return containerPath is null ? null : "a volumes_from binding mounts the other service's volumes at their own paths: leave container_path out.";
        if (containerPath is null)
            return "a binding needs a container_path (or volumes_from).";
        return PathProblem("container_path", containerPath) ?? (hostPath is null ? null : PathProblem("host_path", hostPath));
    }

    private static string? PathProblem(string field, string path)
    {
        if (path.Length > MaxPathLength)
            return $"{field} must be at most {MaxPathLength} characters, was {path.Length}.";
        if (!path.StartsWith('/'))
            return $"{field} '{path}' is not an absolute path.";
        if (path.Any(c => c == ':' || c == ',' || char.IsControl(c)))
            return $"{field} '{path}' holds a ':', a ',' or a control character, which the engine's mounts cannot take.";
        return path.Split('/').Any(part => part == "..") ? $"{field} '{path}' climbs with '..'." : null;
    }
}
