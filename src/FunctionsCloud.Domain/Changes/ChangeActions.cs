namespace FunctionsCloud.Domain.Changes;

/// <summary>Docker Cloud's event actions: an object was made, changed, or ended (terminated; rows are kept, as the API keeps them).</summary>
public static class ChangeActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";

    public static string Of(ChangeSubject subject, bool created)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return created ? Create : subject.Ended ? Delete : Update;
    }
}
