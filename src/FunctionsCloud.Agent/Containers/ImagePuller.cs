using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace FunctionsCloud.Agent.Containers;

/// <summary>
/// Makes images present on the engine for one reconcile: each image is looked up, and pulled when missing, once,
/// however many containers want it at the same time, with the credentials registered for its repository if any (held
/// for that pull only). A failed pull is remembered as its reason (the registry's own words), never thrown.
/// </summary>
public sealed class ImagePuller(IDockerClient docker, IPullCredentials credentials)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _images = new(StringComparer.Ordinal);

    /// <summary>Null when the image is present; else why it could not be pulled.</summary>
    public Task<string?> EnsureAsync(string image, CancellationToken cancellationToken) =>
        _images.GetOrAdd(image, name => new Lazy<Task<string?>>(() => PullIfMissingAsync(name, cancellationToken))).Value;

    private async Task<string?> PullIfMissingAsync(string image, CancellationToken cancellationToken)
    {
        if (await IsPresentAsync(image, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var reference = ImageReference.Parse(image);
        var errors = new PullErrors();
        var credential = await credentials.ForAsync(image, cancellationToken).ConfigureAwait(false);
        try
        {
            await docker.Images.CreateImageAsync(
                new ImagesCreateParameters { FromImage = reference.Repository, Tag = reference.Tag },
                credential is null ? null : new AuthConfig { Username = credential.Username, Password = credential.Password, ServerAddress = credential.ServerAddress },
                errors,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException or TimeoutException)
        {
            return $"The image {image} could not be pulled: {DockerErrors.Describe(ex)}";
        }

        return await IsPresentAsync(image, cancellationToken).ConfigureAwait(false)
            ? null
            : $"The image {image} could not be pulled: {errors.Last ?? "the engine did not say why"}";
    }

    private async Task<bool> IsPresentAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            await docker.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The engine reports a failed pull in its progress stream, not always in the status code.</summary>
    private sealed class PullErrors : IProgress<JSONMessage>
    {
        public string? Last { get; private set; }

        public void Report(JSONMessage value)
        {
            if (value.Error?.Message is { Length: > 0 } error)
            {
                Last = error;
            }
            else if (value.ErrorMessage is { Length: > 0 } message)
            {
                Last = message;
            }
        }
    }
}
