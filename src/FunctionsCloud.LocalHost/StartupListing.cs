using FunctionsCloud.LocalHost.Discovery;

namespace FunctionsCloud.LocalHost;

/// <summary>What the local run prints once listening: the URL and every function with its trigger.</summary>
public static class StartupListing
{
    public static void Print(LocalFunctionsHost host, TextWriter output)
    {
        output.WriteLine($"FunctionsCloud local host listening on {host.BaseAddress}");
        output.WriteLine();
        output.WriteLine("Functions:");
        var width = host.Functions.Count == 0 ? 0 : host.Functions.Max(f => f.Name.Length);
        foreach (var function in host.Functions)
        {
            var detail = function.Trigger is HttpTriggerBinding http
                ? $"{(http.Methods.Count == 0 ? "ANY" : string.Join(",", http.Methods))} {new Uri(host.RouteBaseAddress, http.Route)}"
                : function.Trigger.Describe();
            output.WriteLine($"  {function.Name.PadRight(width)}  {function.Trigger.BindingType,-20}  {detail}");
        }

        output.WriteLine();
    }
}
