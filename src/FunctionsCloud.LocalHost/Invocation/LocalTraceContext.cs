using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.LocalHost.Invocation;

/// <summary>The W3C trace context of the current activity, if any (the host passes the caller's).</summary>
public sealed class LocalTraceContext : TraceContext
{
    public LocalTraceContext(Activity? activity)
    {
        TraceParent = activity?.Id ?? string.Empty;
        TraceState = activity?.TraceStateString ?? string.Empty;
    }

    public override string TraceParent { get; }

    public override string TraceState { get; }
}
