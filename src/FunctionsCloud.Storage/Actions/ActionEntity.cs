using FunctionsCloud.Domain.Changes;
using Azure;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Actions;

/// <summary>An action's row: PartitionKey = namespace, RowKey = the uuid's newest-first key, State by wire name ("In progress").</summary>
internal sealed class ActionEntity : IStoredEntity<ActionEntity, ActionRecord>
{
    public static string Resource => "action";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The public id, random from its first character; the RowKey puts its time first so that rows sort newest first.</summary>
    public string Uuid { get; set; } = "";

    public string Object { get; set; } = "";
    public string Action { get; set; } = "";
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public string User { get; set; } = "";
    public string? ApiKeyLabel { get; set; }
    public string Ip { get; set; } = "";
    public string UserAgent { get; set; } = "";
    public string Location { get; set; } = "";
    /// <summary>At most 8,192 characters (ActionBody.MaxLength), secrets removed.</summary>
    public string Body { get; set; } = "";
    public DateTimeOffset? StartDate { get; set; }
    public DateTimeOffset? EndDate { get; set; }
    public string State { get; set; } = "";
    /// <summary>At most <see cref="ActionRecord.MaxLogLength"/> characters: fits one string property (32K).</summary>
    public string Logs { get; set; } = "";
    /// <summary>The keys of the steps that logged, space-separated (at most <see cref="ActionRecord.MaxLogSteps"/> of 16 characters).</summary>
    public string LogSteps { get; set; } = "";
    public string? ReplyTo { get; set; }
    public string? CommandId { get; set; }
    public Guid? Predecessor { get; set; }
    public bool IsUserAction { get; set; }
    public bool CanBeCanceled { get; set; }
    public bool CanBeRetried { get; set; }

    public static ActionEntity From(ActionRecord action) => new()
    {
        PartitionKey = action.Namespace,
        RowKey = RowKeyOf(action.Uuid),
        Uuid = TableKeys.Of(action.Uuid),
        Object = action.Object,
        Action = action.Action,
        Method = action.Method,
        Path = action.Path,
        User = action.User,
        ApiKeyLabel = action.ApiKeyLabel,
        Ip = action.Ip,
        UserAgent = action.UserAgent,
        Location = action.Location,
        Body = action.Body,
        StartDate = StoredValues.Of(action.StartDate),
        EndDate = action.EndDate,
        State = ApiNames.Of(action.State),
        Logs = action.Logs,
        LogSteps = string.Join(' ', action.LogSteps),
        ReplyTo = action.ReplyTo,
        CommandId = action.CommandId,
        Predecessor = action.Predecessor,
        IsUserAction = action.IsUserAction,
        CanBeCanceled = action.CanBeCanceled,
        CanBeRetried = action.CanBeRetried,
    };

    public ActionRecord ToDomain()
    {
        var action = new ActionRecord
        {
            Uuid = Guid.Parse(Uuid),
            Namespace = PartitionKey,
            Object = Object,
            Action = Action,
            Method = Method,
            Path = Path,
            User = User,
            ApiKeyLabel = ApiKeyLabel,
            Ip = Ip,
            UserAgent = UserAgent ?? "",
            Location = Location ?? "",
            Body = Body ?? "",
            StartDate = StoredValues.DateOrDefault(StartDate),
            EndDate = EndDate,
            IsUserAction = IsUserAction,
            CanBeCanceled = CanBeCanceled,
            CanBeRetried = CanBeRetried,
            ReplyTo = ReplyTo,
            CommandId = CommandId,
            Predecessor = Predecessor,
            Version = ETag.ToString(),
        };
        action.Restore(ApiNames.Parse<ActionState>(State), Logs, LogSteps.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return action;
    }

    public static string RowKeyOf(Guid uuid) => Uuid4.NewestFirstKey(uuid);

    public static string? VersionOf(ActionRecord action) => action.Version;

    public static void SetVersion(ActionRecord action, string version) => action.Version = version;

    public static ChangeSubject? ChangeOf(ActionRecord action) => ChangeSubjects.Of(action);
}
