namespace FunctionsCloud.LocalHost.Discovery;

public sealed record OrchestrationTriggerBinding : FunctionTrigger
{
    public override string BindingType => "orchestrationTrigger";

    public override string Describe() => "orchestrator";
}
