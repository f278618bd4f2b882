using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Tests.Actions;

public sealed class ActionRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static ActionRecord InProgress()
    {
        var action = new ActionRecord
        {
            Uuid = Guid.NewGuid(), Namespace = "acme", Object = "/api/app/v1/service/x/", Action = "Service Stop", Method = "POST", Path = "/",
            User = "carol", CanBeCanceled = true,
        };
        action.MoveTo(ActionState.InProgress);
        return action;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_canceled_operation_ends_canceled_whatever_its_outcome_with_the_line_that_says_where_it_left_its_object(bool succeeded)
    {
        var action = InProgress();
        action.RequestCancel(Now, "carol");
        Assert.Equal((ActionState.Canceling, false), (action.State, action.CanBeCanceled));

        action.Finish(Now.AddSeconds(5), succeeded, "The service is Stopped.");

        Assert.Equal((ActionState.Canceled, Now.AddSeconds(5)), (action.State, action.EndDate));
        Assert.EndsWith("Canceled. The service is Stopped.\n", action.Logs);
        Assert.Contains("Cancel requested by carol", action.Logs);
    }

    [Fact]
    public void A_finished_action_neither_finishes_again_nor_can_be_asked_to_cancel()
    {
        var action = InProgress();
        action.Finish(Now, succeeded: true, "Done.");
        var logs = action.Logs;

        action.Finish(Now.AddSeconds(1), succeeded: false, "Failed.");

        Assert.Equal((ActionState.Success, logs, Now), (action.State, action.Logs, action.EndDate));
        Assert.False(action.CanBeCanceled);
        Assert.Throws<IllegalTransitionException>(() => action.RequestCancel(Now, "carol"));
    }
}
