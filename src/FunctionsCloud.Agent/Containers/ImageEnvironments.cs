using Docker.DotNet;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Agent.Containers;

/// <summary>
/// The <c>ENV</c> of the images the node's containers run, for the control plane's calculated_envvars. Each
/// container's goes with its reports until a heartbeat carrying it is accepted (<see cref="Delivered"/>), and not
/// again for that Docker id; a heartbeat carries at most <see cref="ImageEnvironmentRules.MaxPerHeartbeat"/> of them,
/// the rest going with the next ones. An image is inspected once: its id names its configuration.
/// </summary>
public sealed class ImageEnvironments(IDockerClient docker)
{
    private readonly Dictionary<string, IReadOnlyList<EnvironmentVariable>> _byImage = new(StringComparer.Ordinal);
    private readonly HashSet<string> _delivered = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The report with each undelivered container's image variables, within the heartbeat's budget.</summary>
    /// <param name="imageIds">The engine's image id of each container, by Docker id.</param>
    public async Task<IReadOnlyList<ReportedContainer>> AttachAsync(
        IReadOnlyList<ReportedContainer> report, IReadOnlyDictionary<string, string> imageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(imageIds);
        lock (_lock)
        {
            // Only the images of the containers reported are kept.
            foreach (var gone in _byImage.Keys.Except(imageIds.Values, StringComparer.Ordinal).ToList())
            {
                _byImage.Remove(gone);
            }
        }

        var attached = new List<ReportedContainer>(report.Count);
        var budget = ImageEnvironmentRules.MaxPerHeartbeat;
        foreach (var container in report)
        {
            var variables = budget > 0 && Undelivered(container.DockerId) && imageIds.GetValueOrDefault(container.DockerId!) is { } image
                ? await OfImageAsync(image, cancellationToken).ConfigureAwait(false)
                : null;
            budget -= variables is null ? 0 : ImageEnvironmentRules.LengthOf(variables);
            attached.Add(variables is null ? container : container with { ImageEnv = variables });
        }

        return attached;
    }

    /// <summary>The control plane accepted this report: the variables it carried are not sent again; Docker ids no longer reported are forgotten.</summary>
    public void Delivered(IReadOnlyList<ReportedContainer> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_lock)
        {
            _delivered.IntersectWith(report.Select(c => c.DockerId).OfType<string>());
            _delivered.UnionWith(report.Where(c => c.ImageEnv is not null).Select(c => c.DockerId).OfType<string>());
        }
    }

    private bool Undelivered(string? dockerId)
    {
        lock (_lock)
        {
            return dockerId is not null && !_delivered.Contains(dockerId);
        }
    }

    /// <returns>Null when the engine could not say (asked again with the next report).</returns>
    private async Task<IReadOnlyList<EnvironmentVariable>?> OfImageAsync(string imageId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_byImage.TryGetValue(imageId, out var known))
            {
                return known;
            }
        }

        IReadOnlyList<EnvironmentVariable> variables;
        try
        {
            var image = await docker.Images.InspectImageAsync(imageId, cancellationToken).ConfigureAwait(false);
            variables = ImageEnvironmentRules.Fit(image.Config?.Env);
        }
        catch (DockerImageNotFoundException)
        {
            variables = []; // Removed from under its container (docker rmi -f): nothing is known of it any more.
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException or TimeoutException)
        {
            return null;
        }

        lock (_lock)
        {
            _byImage[imageId] = variables;
        }

        return variables;
    }
}
