namespace FunctionsCloud.Agent.Containers;

/// <summary>An image name split as the engine's pull wants it: repository, and tag or digest (latest when none is named).</summary>
public sealed record ImageReference(string Repository, string Tag)
{
    public const string DefaultTag = "latest";

    public static ImageReference Parse(string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        // A digest pins the image whatever tag is named with it (name:tag@digest pulls name at the digest).
        var digestAt = image.IndexOf('@', StringComparison.Ordinal);
        if (digestAt >= 0)
        {
            return new ImageReference(WithoutTag(image[..digestAt]).Repository, image[(digestAt + 1)..]);
        }

        return WithoutTag(image);
    }

    /// <summary>A colon after the last slash separates the tag; one before it belongs to a registry's port.</summary>
    private static ImageReference WithoutTag(string name)
    {
        var tagAt = name.LastIndexOf(':');
        return tagAt > name.LastIndexOf('/')
            ? new ImageReference(name[..tagAt], name[(tagAt + 1)..])
            : new ImageReference(name, DefaultTag);
    }
}
