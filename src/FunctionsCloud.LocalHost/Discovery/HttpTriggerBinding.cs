namespace FunctionsCloud.LocalHost.Discovery;

/// <param name="Route">The route template without the host.json route prefix (the function name when unset).</param>
/// <param name="Methods">Upper-case HTTP methods; empty means any method.</param>
public sealed record HttpTriggerBinding(string Route, IReadOnlyList<string> Methods) : FunctionTrigger
{
    public override string BindingType => "httpTrigger";

    public override string Describe() => $"{(Methods.Count == 0 ? "ANY" : string.Join(",", Methods))} {Route}";
}
