using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.LocalHost.Invocation;

/// <summary>Binding data: route values and query for HTTP, message metadata for queues (case-insensitive, like the host).</summary>
public sealed class LocalBindingContext(IReadOnlyDictionary<string, object?> bindingData) : BindingContext
{
    public static LocalBindingContext Empty { get; } = new(new Dictionary<string, object?>());

    public override IReadOnlyDictionary<string, object?> BindingData { get; } = bindingData;
}
