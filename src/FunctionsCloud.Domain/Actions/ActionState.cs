using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Actions;

public enum ActionState
{
    Pending,
    [ApiName("In progress")] InProgress,
    Canceling,
    Canceled,
    Success,
    Failed,
}
