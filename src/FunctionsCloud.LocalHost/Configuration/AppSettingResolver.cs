using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Configuration;

/// <summary>
/// Resolves <c>%Setting%</c> references in trigger attributes the way the Functions host does. App settings are
/// flat names where <c>__</c> separates sections (Azure app settings cannot contain ':'), so <c>%A__B%</c> reads
/// the configuration key <c>A:B</c>.
/// </summary>
public static partial class AppSettingResolver
{
    public static string Resolve(string value, IConfiguration configuration, string functionName) =>
        SettingReference().Replace(value, match =>
        {
            var name = match.Groups["name"].Value;
            return configuration[ToConfigurationKey(name)] ?? configuration[name]
                ?? throw new InvalidOperationException($"Function '{functionName}' refers to app setting '{name}', which is not set.");
        });

    /// <summary>Maps an app setting name (A__B) to a configuration key (A:B).</summary>
    public static string ToConfigurationKey(string settingName) => settingName.Replace("__", ":", StringComparison.Ordinal);

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex SettingReference();
}
