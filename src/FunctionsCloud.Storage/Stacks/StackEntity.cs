using Azure;
using FunctionsCloud.Domain.Changes;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Stacks;

/// <summary>A stack's row: PartitionKey = namespace, RowKey = uuid; State by wire name.</summary>
internal sealed class StackEntity : IStoredEntity<StackEntity, Stack>
{
    public static string Resource => "stack";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Nickname { get; set; } = "";
    public string State { get; set; } = "";
    public bool Complete { get; set; }
    public DateTimeOffset? CreatedDatetime { get; set; }
    public DateTimeOffset? DeployedDatetime { get; set; }
    public DateTimeOffset? DestroyedDatetime { get; set; }
    public string? ActiveAction { get; set; }

    public static StackEntity From(Stack stack) => new()
    {
        PartitionKey = stack.Namespace,
        RowKey = TableKeys.Of(stack.Uuid),
        Name = stack.Name,
        Nickname = stack.Nickname,
        State = ApiNames.Of(stack.State),
        Complete = stack.Complete,
        CreatedDatetime = StoredValues.Of(stack.CreatedDatetime),
        DeployedDatetime = stack.DeployedDatetime,
        DestroyedDatetime = stack.DestroyedDatetime,
        ActiveAction = StoredValues.Of(stack.ActiveAction),
    };

    public Stack ToDomain()
    {
        var stack = new Stack
        {
            Uuid = Guid.Parse(RowKey),
            Namespace = PartitionKey,
            Name = Name,
            Nickname = Nickname,
            Complete = Complete,
            CreatedDatetime = StoredValues.DateOrDefault(CreatedDatetime),
            DeployedDatetime = DeployedDatetime,
            DestroyedDatetime = DestroyedDatetime,
            ActiveAction = StoredValues.GuidOrNull(ActiveAction),
            Version = ETag.ToString(),
        };
        stack.Restore(ApiNames.Parse<ServiceState>(State));
        return stack;
    }

    public static string? VersionOf(Stack stack) => stack.Version;

    public static void SetVersion(Stack stack, string version) => stack.Version = version;

    /// <summary>A stack whose services are still being written is nobody's to see: its change is the one that shows it.</summary>
    public static ChangeSubject? ChangeOf(Stack stack) => stack.Complete ? ChangeSubjects.Of(stack) : null;
}
