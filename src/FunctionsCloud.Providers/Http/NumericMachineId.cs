using System.Globalization;

namespace FunctionsCloud.Providers.Http;

/// <summary>Clouds that number their machines (DigitalOcean droplets, SoftLayer guests): the number a node's provider id holds.</summary>
public static class NumericMachineId
{
    /// <summary>Null when the node has no provider id yet, or one that is not a number.</summary>
    public static long? Parse(string? providerId) =>
        long.TryParse(providerId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
}
