namespace FunctionsCloud.LocalHost.Tests.SampleFunctions;

/// <summary>An app service that activities get from the local host's DI (not the durable test host's).</summary>
public sealed class Greeter(string greeting)
{
    public string Greet(string name) => $"{greeting}, {name}";
}
