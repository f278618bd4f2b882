namespace FunctionsCloud.Domain.Placement;

/// <summary>No node can take the service's containers: none is Deployed with every tag the service asks for.</summary>
public sealed class NoEligibleNodeException(IReadOnlyCollection<string> serviceTags) : InvalidOperationException(
    serviceTags.Count == 0
        ? "No node is Deployed to run the containers on."
        : $"No Deployed node carries every tag of the service ({string.Join(", ", serviceTags)}).")
{
    public IReadOnlyCollection<string> ServiceTags { get; } = serviceTags;
}
