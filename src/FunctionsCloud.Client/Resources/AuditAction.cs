namespace FunctionsCloud.Client.Resources;

/// <summary>
/// An asynchronous operation as the audit log holds it; its state is what clients poll. Its log is read apart
/// (<see cref="FunctionsCloudClient.ActionLogAsync"/>), as Docker Cloud's API had it.
/// </summary>
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
    bool CanBeCanceled,
    bool CanBeRetried,
    string UserAgent = "",
    string Location = "",
    string Body = "")
{
    /// <summary>Success, Failed and Canceled are final: nothing changes after them.</summary>
    public bool HasEnded => State is "Success" or "Failed" or "Canceled";
}
