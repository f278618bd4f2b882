namespace FunctionsCloud.Application.Commands;

public enum CommandTargetKind
{
    Service,
    NodeCluster,
}
