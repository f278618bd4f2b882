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

    [Fact]
    public void A_step_logged_again_adds_nothing_and_the_next_step_still_logs()
    {
        var action = InProgress();

        action.AppendStepLog("a1", Now, ["Node 1 created.", "Node 2 created."]);
        action.AppendStepLog("a1", Now.AddSeconds(1), ["Node 1 created.", "Node 2 created."]);
        action.AppendStepLog("b2", Now.AddSeconds(2), ["Node 1 created."]);

        Assert.Equal(3, action.Logs.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(["a1", "b2"], action.LogSteps);
    }

    [Fact]
    public void A_step_without_lines_leaves_no_key_and_only_the_newest_keys_are_kept()
    {
        var action = InProgress();

        action.AppendStepLog("quiet", Now, []);
        for (var i = 0; i <= ActionRecord.MaxLogSteps; i++)
            action.AppendStepLog($"s{i}", Now, ["line"]);

        Assert.DoesNotContain("quiet", action.LogSteps);
        Assert.Equal((ActionRecord.MaxLogSteps, "s1", $"s{ActionRecord.MaxLogSteps}"), (action.LogSteps.Count, action.LogSteps[0], action.LogSteps[^1]));
    }
}
