namespace FunctionsCloud.LocalHost.Discovery;

/// <param name="QueueName">The queue name with %Setting% references resolved.</param>
/// <param name="Connection">The app setting naming the storage connection (AzureWebJobsStorage when unset).</param>
public sealed record QueueTriggerBinding(string QueueName, string Connection) : FunctionTrigger
{
    public override string BindingType => "queueTrigger";

    public override string Describe() => $"queue {QueueName}";
}
