using FunctionsCloud.Domain.Changes;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Stacks;

/// <summary>A stack's row: the columns of <see cref="OperatedRow{TSelf, TDomain, TState}"/> and its own.</summary>
internal sealed class StackEntity : OperatedRow<StackEntity, Stack, ServiceState>, IStoredEntity<StackEntity, Stack>
{
    public static string Resource => "stack";

    public string Name { get; set; } = "";
    public string Nickname { get; set; } = "";
    public bool Complete { get; set; }

    public static StackEntity From(Stack stack) => new StackEntity
    {
        Name = stack.Name,
        Nickname = stack.Nickname,
        Complete = stack.Complete,
    }.WithLifecycleOf(stack);

    public Stack ToDomain() => Restored(new Stack
    {
        Uuid = StoredUuid(),
        Namespace = PartitionKey,
        CreatedDatetime = StoredCreated(),
        Name = Name,
        Nickname = Nickname,
        Complete = Complete,
    });

    /// <summary>A stack whose services are still being written is nobody's to see: its change is the one that shows it.</summary>
    public static ChangeSubject? ChangeOf(Stack stack) => stack.Complete ? ChangeSubjects.Of(stack) : null;
}
