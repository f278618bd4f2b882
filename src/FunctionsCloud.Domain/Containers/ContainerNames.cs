namespace FunctionsCloud.Domain.Containers;

/// <summary>Docker Cloud's container names: &lt;service&gt;-&lt;n&gt;.</summary>
public static class ContainerNames
{
    public static string Of(string serviceName, int number) => $"{serviceName}-{number}";
}
