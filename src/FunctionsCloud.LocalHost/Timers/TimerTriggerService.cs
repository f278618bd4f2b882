using FunctionsCloud.LocalHost.Discovery;
using FunctionsCloud.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost.Timers;

/// <summary>
/// Fires one timer function on its schedule. Each run is awaited before the next occurrence is computed, so a
/// timer never overlaps itself; occurrences missed while it ran are skipped (the next run is marked past due).
/// </summary>
public sealed class TimerTriggerService(
    DiscoveredFunction function, IServiceProvider services, TimeProvider clock, ILogger<TimerTriggerService> logger) : BackgroundService
{
    private readonly TimerTriggerBinding _binding = (TimerTriggerBinding)function.Trigger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = TimerSchedule.Parse(_binding.Schedule);
        var last = DateTime.MinValue;
        if (_binding.RunOnStartup)
            await FireAsync(last, clock.GetUtcNow().UtcDateTime, schedule, stoppingToken);

        var cursor = clock.GetUtcNow().UtcDateTime;
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = schedule.NextAfter(cursor);
            if (!await WaitUntilAsync(due, stoppingToken))
                return;

            await FireAsync(last, due, schedule, stoppingToken);
            last = due;
            var now = clock.GetUtcNow().UtcDateTime;
            cursor = now > due ? now : due;
        }
    }

    // Waits for the schedule's next occurrence (not a poll); long waits are cut into days, Task.Delay's limit being ~49 days.
    private async Task<bool> WaitUntilAsync(DateTime dueUtc, CancellationToken stoppingToken)
    {
        for (var wait = dueUtc - clock.GetUtcNow().UtcDateTime; wait > TimeSpan.Zero; wait = dueUtc - clock.GetUtcNow().UtcDateTime)
        {
            try
            {
                await Task.Delay(wait < TimeSpan.FromDays(1) ? wait : TimeSpan.FromDays(1), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    private async Task FireAsync(DateTime last, DateTime due, TimerSchedule schedule, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var timer = new TimerInfo
        {
            IsPastDue = now - due > TimeSpan.FromSeconds(1),
            ScheduleStatus = new ScheduleStatus { Last = last, Next = schedule.NextAfter(due), LastUpdated = now },
        };
        try
        {
            await FunctionInvoker.InvokeInNewScopeAsync(function, services, timer, bindingContext: null, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Timer function {Function} failed.", function.Name);
        }
    }
}
