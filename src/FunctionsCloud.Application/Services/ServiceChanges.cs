using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Application.Services;

/// <summary>
/// A checked request as the changes it makes to a service, kept apart so that a patch applies them inside the
/// store's read-change-write (and the operation's prepare) against the service as it is then. The target and
/// the strategy are also kept as values: they decide whether a patch scales and whether it may.
/// </summary>
public sealed class ServiceChanges
{
    private readonly List<Action<Service>> _changes = [];

    public int? Target { get; set; }
    public DeploymentStrategy? Strategy { get; set; }

    public void Add(Action<Service> change) => _changes.Add(change);

    /// <summary>Applies every field given except the target, which only creating or scaling sets.</summary>
    public void ApplyTo(Service service)
    {
        foreach (var change in _changes)
            change(service);
    }
}
