using System.Security.Cryptography;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Testing.Durable;

namespace FunctionsCloud.Testing;

/// <summary>
/// The app settings of one test's control plane: tables, command queue, task hub and local nodes of its own (a unique
/// prefix), its address, a node credential key and an admin API key. The same values start it again after a crash.
/// </summary>
public sealed class TestAppSettings
{
    public const string AdminUser = "admin";
    public const string AdminNamespace = "admin";

    private TestAppSettings(int port) => Port = port;

    public int Port { get; }

    public string Prefix { get; } = AzuriteFixture.UniquePrefix();

    public string AdminKey { get; } = ApiKeyHasher.NewKey();

    public string CredentialKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Where the local nodes' state directories go.</summary>
    public string StateRoot => Path.Combine(Path.GetTempPath(), "functionscloud-tests", Prefix);

    public static TestAppSettings New(int port) => new(port);

    /// <param name="extra">Settings on top, e.g. shorter heartbeats; "AzureWebJobsStorage" names another emulator.</param>
    public Dictionary<string, string?> Values(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = extra?.GetValueOrDefault("AzureWebJobsStorage") ?? AzuriteFixture.ConnectionString,
            ["FunctionsCloud:TablePrefix"] = Prefix,
            ["FunctionsCloud:PublicUrl"] = $"http://127.0.0.1:{Port}",
            ["FunctionsCloud:NodeCredentialKey"] = CredentialKey,
            ["FunctionsCloud:Bootstrap:User"] = AdminUser,
            ["FunctionsCloud:Bootstrap:Namespace"] = AdminNamespace,
            ["FunctionsCloud:Bootstrap:ApiKey"] = AdminKey,
            ["FunctionsCloud:LocalProvider:StateRoot"] = StateRoot,
            ["FunctionsCloud:DataProtection:KeyDirectory"] = Path.Combine(StateRoot, "keys"),
            // The timer trigger reads its schedule from this app setting, as in Azure.
            ["FunctionsCloud:MonitorSchedule"] = FunctionsCloudOptions.DefaultMonitorSchedule,
            // The command queue's trigger reads its queue from this app setting; a queue of its own per host, like the tables.
            ["FunctionsCloud:CommandQueue"] = Prefix + "-commands",
            // host.json names the task hub from this setting; a hub of its own per host, on the Azure Storage backend.
            ["FunctionsCloud:TaskHub"] = Prefix,
        };
        foreach (var (key, value) in TestTaskHub.Tuning())
            values[key] = value;
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            values[key] = value;
        return values;
    }
}
