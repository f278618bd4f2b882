namespace FunctionsCloud.LocalHost.Discovery;

/// <param name="InputType">The type of the [ActivityTrigger] parameter, which the activity's input is deserialized to.</param>
public sealed record ActivityTriggerBinding(Type InputType) : FunctionTrigger
{
    public override string BindingType => "activityTrigger";

    public override string Describe() => $"activity ({InputType.Name})";
}
