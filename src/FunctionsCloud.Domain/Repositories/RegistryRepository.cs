using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Repositories;

/// <summary>
/// A registry repository: where a service's images come from, and what registered credentials apply to. As the engine
/// reads image names, a first component with a '.' or ':' (or "localhost") names the registry; without one the image is
/// Docker Hub's, and a single component is one of its official images ("nginx" is docker.io/library/nginx).
/// </summary>
public sealed record RegistryRepository(string Registry, string Path)
{
    public const string DockerHub = "docker.io";
    private const string OfficialImages = "library/";

    /// <summary>The repository named by <paramref name="text"/> (no tag, no digest), or null with the reason.</summary>
    public static RegistryRepository? Parse(string? text, out string? problem)
    {
        problem = ImageReference.Check(text);
        if (problem is not null)
            return null;
        if (ImageReference.NameOf(text!) != text)
        {
            problem = $"'{text}' names an image (a tag or digest): name its repository only, e.g. 'registry.example.com/team/app'.";
            return null;
        }
        return OfName(text!);
    }

    /// <summary>The repository an image (valid, as services keep it) is pulled from.</summary>
    public static RegistryRepository OfImage(string image) =>
        OfName(ImageReference.NameOf(image) ?? throw new ArgumentException($"'{image}' is not an image reference.", nameof(image)));

    private static RegistryRepository OfName(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? "" : name[..slash];
        if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" || first.StartsWith('['))
            return Normalized(first.ToLowerInvariant(), name[(slash + 1)..]);
        return Normalized(DockerHub, name);
    }

    /// <summary>Docker Hub has other spellings (index.docker.io, registry-1.docker.io) and its official images a short name.</summary>
    private static RegistryRepository Normalized(string registry, string path)
    {
        if (registry is "index.docker.io" or "registry-1.docker.io" or "registry.hub.docker.com")
            registry = DockerHub;
        if (registry == DockerHub && !path.Contains('/', StringComparison.Ordinal))
            path = OfficialImages + path;
        return new RegistryRepository(registry, path);
    }

    /// <summary>How the repository is named in the API: Docker Hub's without its registry, as users write them.</summary>
    public string Name =>
        Registry != DockerHub ? $"{Registry}/{Path}"
        : Path.StartsWith(OfficialImages, StringComparison.Ordinal) ? Path[OfficialImages.Length..]
        : Path;

    /// <summary>Registry and path: one spelling per repository, how it is stored.</summary>
    public string Canonical => $"{Registry}/{Path}";

    public static RegistryRepository OfCanonical(string canonical)
    {
        var slash = canonical.IndexOf('/', StringComparison.Ordinal);
        return new RegistryRepository(canonical[..slash], canonical[(slash + 1)..]);
    }

    /// <summary>The address the engine sends the credentials to.</summary>
    public string ServerAddress => Registry == DockerHub ? "https://index.docker.io/v1/" : Registry;

    public override string ToString() => Name;
}
