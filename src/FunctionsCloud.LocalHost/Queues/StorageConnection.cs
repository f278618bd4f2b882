using FunctionsCloud.LocalHost.Configuration;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Queues;

/// <summary>Finds a trigger's storage connection string from its Connection setting, defaulting to the emulator.</summary>
public static class StorageConnection
{
    public const string Emulator = "UseDevelopmentStorage=true";

    public static string Resolve(IConfiguration configuration, string connectionName)
    {
        var key = AppSettingResolver.ToConfigurationKey(connectionName);
        return configuration[key]
            ?? configuration[$"{key}:ConnectionString"]
            ?? configuration.GetConnectionString(key)
            ?? Emulator;
    }
}
