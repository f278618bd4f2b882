namespace FunctionsCloud.Application.Commands;

/// <summary>A command message that passed every check that needs no storage. Exactly one of Uuid and Name is set, and for Scale one of Count and By.</summary>
public sealed record Command(
    string? Id,
    string? Namespace,
    CommandTargetKind Kind,
    Guid? Uuid,
    string? Name,
    CommandOperation Operation,
    int? Count,
    int? By,
    string? ReplyTo)
{
    /// <summary>How the target reads in a reason or a log line.</summary>
    public string TargetText => $"{(Kind == CommandTargetKind.Service ? "service" : "node cluster")} '{Uuid?.ToString() ?? Name}'";
}
