using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Links;

/// <summary>
/// One container of a linked service as its linkers reach it: <see cref="Address"/> and <see cref="Ports"/> are where
/// it is reachable (the node's address and the bound host ports for published ports, else the container's private
/// address and inner ports). An empty address means it is not reachable yet: it then has no ports.
/// </summary>
public sealed record LinkedContainer(
    string Name, int Number, string Address, IReadOnlyList<LinkedPort> Ports, IReadOnlyList<EnvironmentVariable> Environment);
