using FunctionsCloud.Domain.States;
using static FunctionsCloud.Domain.Actions.ActionState;

namespace FunctionsCloud.Domain.Actions;

public static class ActionStates
{
    public static readonly StateMachine<ActionState> Machine = new(new Dictionary<ActionState, ActionState[]>
    {
        [Pending] = [InProgress, Canceling, Canceled, Success, Failed],
        [InProgress] = [Canceling, Success, Failed],
        [Canceling] = [Canceled, Success, Failed],
        [Canceled] = [],
        [Success] = [],
        [Failed] = [],
    });

    public static bool IsFinished(ActionState state) => state is Success or Failed or Canceled;
}
