using FunctionsCloud.LocalHost.Configuration;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Tests;

public sealed class DurableTaskHostSettingsTests
{
    [Fact]
    public void Reads_the_task_hub_from_host_json_with_its_setting_reference_resolved()
    {
        var path = HostJson("""
            {
              "version": "2.0",
              "extensions": {
                "durableTask": {
                  "hubName": "%FunctionsCloud__TaskHub%",
                  "storageProvider": { "type": "AzureStorage", "partitionCount": 3, "maxQueuePollingInterval": "00:00:10" },
                  "maxConcurrentActivityFunctions": 7,
                  "maxConcurrentOrchestratorFunctions": 5
                }
              }
            }
            """);

        var settings = HostJsonSettings.Load(path, AppSettings(("FunctionsCloud:TaskHub", "hubfromsettings"))).DurableTask;

        Assert.Equal("hubfromsettings", settings.HubName);
        Assert.Equal(3, settings.PartitionCount);
        Assert.Equal(7, settings.MaxConcurrentActivityFunctions);
        Assert.Equal(5, settings.MaxConcurrentOrchestratorFunctions);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.MaxQueuePollingInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.WorkItemQueueVisibilityTimeout);
    }

    [Fact]
    public void App_settings_override_host_json_as_in_the_functions_host()
    {
        var path = HostJson("""{ "extensions": { "durableTask": { "hubName": "fromfile", "storageProvider": { "maxQueuePollingInterval": "00:00:10" } } } }""");

        var settings = HostJsonSettings.Load(path, AppSettings(
            ("AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval", "00:00:01"),
            ("AzureFunctionsJobHost:extensions:durableTask:storageProvider:workItemQueueVisibilityTimeout", "00:00:15"),
            ("AzureFunctionsJobHost:extensions:durableTask:storageProvider:controlQueueVisibilityTimeout", "00:00:10"))).DurableTask;

        Assert.Equal("fromfile", settings.HubName);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.MaxQueuePollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(15), settings.WorkItemQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.ControlQueueVisibilityTimeout);
    }

    [Fact]
    public void Repository_host_json_names_its_hub_from_the_task_hub_setting()
    {
        var settings = HostJsonSettings.Load(Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory)!, "host.json"), AppSettings(("FunctionsCloud:TaskHub", "FunctionsCloud"))).DurableTask;

        Assert.Equal("FunctionsCloud", settings.HubName);
        Assert.Equal(4, settings.PartitionCount);
        Assert.Equal(10, settings.MaxConcurrentActivityFunctions);
    }

    internal static string HostJson(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return path;
    }

    internal static IConfiguration AppSettings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
