namespace FunctionsCloud.Client.Resources;

/// <summary>An asynchronous operation as the audit log holds it; its state is what clients poll.</summary>
public sealed record AuditAction(
    Guid Uuid,
    string ResourceUri,
    string Object,
    string Action,
    string Method,
    string Path,
    string User,
    DateTimeOffset StartDate,
    DateTimeOffset? EndDate,
    string State,
    string Logs,
    bool CanBeCanceled,
    bool CanBeRetried)
{
    /// <summary>Success, Failed and Canceled are final: nothing changes after them.</summary>
    public bool HasEnded => State is "Success" or "Failed" or "Canceled";
}
