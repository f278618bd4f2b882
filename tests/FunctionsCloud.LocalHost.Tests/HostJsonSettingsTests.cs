using FunctionsCloud.LocalHost.Configuration;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Tests;

public sealed class HostJsonSettingsTests
{
    private static readonly IConfiguration NoAppSettings = DurableTaskHostSettingsTests.AppSettings();

    [Fact]
    public void App_settings_override_every_part_of_host_json_in_the_one_read()
    {
        var path = DurableTaskHostSettingsTests.HostJson("""
            { "extensions": { "http": { "routePrefix": "" }, "queues": { "maxDequeueCount": 7 }, "durableTask": { "hubName": "fromfile" } } }
            """);

        var settings = HostJsonSettings.Load(path, DurableTaskHostSettingsTests.AppSettings(
            ("AzureFunctionsJobHost:extensions:http:routePrefix", "v3"),
            ("AzureFunctionsJobHost:extensions:queues:maxDequeueCount", "2"),
            ("AzureFunctionsJobHost:extensions:durableTask:hubName", "fromsettings")));

        Assert.Equal(("v3", 2, "fromsettings"), (settings.RoutePrefix, settings.QueueMaxDequeueCount, settings.DurableTask.HubName));
    }

    [Fact]
    public void Missing_file_means_host_defaults()
    {
        var settings = HostJsonSettings.Load(Path.Combine(Path.GetTempPath(), "no-such-host.json"), NoAppSettings);

        Assert.Equal("api", settings.RoutePrefix);
        Assert.Equal(5, settings.QueueMaxDequeueCount);
    }

    [Fact]
    public void Reads_route_prefix_and_queue_settings()
    {
        var path = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {
              // comments are allowed, as in the Functions host
              "version": "2.0",
              "extensions": {
                "http": { "routePrefix": "/v2/" },
                "queues": { "maxDequeueCount": 7, "visibilityTimeout": "00:00:03", "batchSize": 4 }
              }
            }
            """);

        var settings = HostJsonSettings.Load(path, NoAppSettings);

        Assert.Equal("v2", settings.RoutePrefix);
        Assert.Equal(7, settings.QueueMaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.QueueVisibilityTimeout);
        Assert.Equal(4, settings.QueueBatchSize);
    }

    [Fact]
    public void Repository_host_json_has_no_prefix_so_that_the_dashboard_is_served_at_the_root()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory)!;

        Assert.Equal("", HostJsonSettings.Load(Path.Combine(root, "host.json"), DurableTaskHostSettingsTests.AppSettings(("FunctionsCloud:TaskHub", "FunctionsCloud"))).RoutePrefix);
    }

    [Fact]
    public void An_empty_prefix_is_kept_not_replaced_by_the_default()
    {
        var path = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "version": "2.0", "extensions": { "http": { "routePrefix": "" } } }""");

        Assert.Equal("", HostJsonSettings.Load(path, NoAppSettings).RoutePrefix);
    }
}
