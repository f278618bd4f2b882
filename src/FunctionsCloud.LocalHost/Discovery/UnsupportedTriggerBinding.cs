namespace FunctionsCloud.LocalHost.Discovery;

/// <summary>A [Function] whose trigger the local host does not run (e.g. entities, blobs); listed, never invoked.</summary>
public sealed record UnsupportedTriggerBinding(string AttributeName) : FunctionTrigger
{
    public override string BindingType => AttributeName;

    public override string Describe() => $"not run locally ({AttributeName})";
}
