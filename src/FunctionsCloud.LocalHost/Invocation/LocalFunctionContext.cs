using System.Diagnostics;
using FunctionsCloud.LocalHost.Discovery;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.LocalHost.Invocation;

/// <summary>
/// The FunctionContext of one local invocation. For HTTP functions the HttpContext sits in <see cref="Items"/>
/// under <see cref="HttpContextItemKey"/>, where the Http.AspNetCore extension's <c>GetHttpContext()</c> looks,
/// so worker middleware written for the real host runs unchanged.
/// </summary>
public sealed class LocalFunctionContext : FunctionContext
{
    /// <summary>
    /// The Items key Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore (2.1.1) reads in
    /// <c>FunctionContextExtensions.GetHttpContext</c> (its internal <c>Constants.HttpContextKey</c>).
    /// </summary>
    public const string HttpContextItemKey = "HttpRequestContext";

    private readonly CancellationToken _cancellationToken;

    public LocalFunctionContext(
        DiscoveredFunction function,
        IServiceProvider services,
        BindingContext? bindingContext = null,
        CancellationToken cancellationToken = default)
    {
        Function = function;
        InstanceServices = services;
        BindingContext = bindingContext ?? LocalBindingContext.Empty;
        TraceContext = new LocalTraceContext(Activity.Current);
        _cancellationToken = cancellationToken;
    }

    /// <summary>The function being invoked, with its method and trigger.</summary>
    public DiscoveredFunction Function { get; }

    /// <summary>What the function returned, once it has run; set by the invoker for the HTTP result writer.</summary>
    public object? InvocationResult { get; set; }

    /// <summary>True once the function itself has run (false when middleware short-circuited it).</summary>
    public bool FunctionInvoked { get; set; }

    public HttpContext? HttpContext => Items.TryGetValue(HttpContextItemKey, out var value) ? value as HttpContext : null;

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => Function.Definition.Id;

    public override TraceContext TraceContext { get; }

    public override BindingContext BindingContext { get; }

    public override RetryContext RetryContext => LocalRetryContext.None;

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition => Function.Definition;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new LocalInvocationFeatures();

    public override CancellationToken CancellationToken => _cancellationToken;
}
