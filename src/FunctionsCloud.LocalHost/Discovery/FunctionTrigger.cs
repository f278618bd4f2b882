namespace FunctionsCloud.LocalHost.Discovery;

/// <summary>What starts a function. One subclass per trigger kind the local host can run.</summary>
public abstract record FunctionTrigger
{
    /// <summary>The binding type name the Functions host uses (e.g. "httpTrigger"); middleware may look at it.</summary>
    public abstract string BindingType { get; }

    /// <summary>A one-line description for the startup listing (route, schedule, queue).</summary>
    public abstract string Describe();
}
