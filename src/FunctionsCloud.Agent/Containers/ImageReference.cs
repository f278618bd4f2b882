namespace FunctionsCloud.Agent.Containers;

/// <summary>An image name split as the engine's pull wants it: repository, and tag or digest (latest when none is named).</summary>
public sealed record ImageReference(string Repository, string Tag)
{
    public const string DefaultTag = "latest";

    public static ImageReference Parse(string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        var digestAt = image.IndexOf('@', StringComparison.Ordinal);
        if (digestAt >= 0)
        {
            return new ImageReference(image[..digestAt], image[(digestAt + 1)..]);
        }

        // A colon after the last slash separates the tag; one before it belongs to a registry's port.
        var tagAt = image.LastIndexOf(':');
        return tagAt > image.LastIndexOf('/')
            ? new ImageReference(image[..tagAt], image[(tagAt + 1)..])
            : new ImageReference(image, DefaultTag);
    }
}
