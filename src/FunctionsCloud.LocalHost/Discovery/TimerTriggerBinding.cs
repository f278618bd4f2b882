namespace FunctionsCloud.LocalHost.Discovery;

/// <param name="Schedule">The NCRONTAB expression (or TimeSpan), with %Setting% references already resolved.</param>
public sealed record TimerTriggerBinding(string Schedule, bool RunOnStartup) : FunctionTrigger
{
    public override string BindingType => "timerTrigger";

    public override string Describe() => RunOnStartup ? $"{Schedule} (run on startup)" : Schedule;
}
