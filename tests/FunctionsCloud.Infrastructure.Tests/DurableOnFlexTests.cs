using System.Text.Json;

namespace FunctionsCloud.Infrastructure.Tests;

/// <summary>
/// Durable Functions on Flex Consumption, as its guidance says: an always-ready instance for the durable group
/// (a parameter, off by default for its cost, README) and queue polling of at most 10 s when idle.
/// </summary>
public class DurableOnFlexTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    private static JsonElement Parameter(string name) => Template.Root.GetProperty("parameters").GetProperty(name);

    [Fact]
    public void The_durable_group_gets_the_always_ready_instances_the_parameter_asks_for()
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Equal(
            "[if(greater(parameters('durableAlwaysReadyInstances'), 0), createArray(createObject('name', 'durable', 'instanceCount', parameters('durableAlwaysReadyInstances'))), createArray())]",
            site.StringAt("properties.functionAppConfig.scaleAndConcurrency.alwaysReady"));
        var functionApp = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "functionapp");
        Assert.Equal("[parameters('durableAlwaysReadyInstances')]", functionApp.StringAt("properties.parameters.durableAlwaysReadyInstances.value"));
    }

    [Fact]
    public void Always_ready_is_off_unless_asked_for_and_azd_can_turn_it_on()
    {
        Assert.Equal(0, Parameter("durableAlwaysReadyInstances").GetProperty("defaultValue").GetInt32());
        Assert.Equal("${FUNCTIONSCLOUD_DURABLE_ALWAYS_READY=0}", ParametersFile.ValueOf("durableAlwaysReadyInstances"));
    }

    [Fact]
    public void Host_json_polls_the_durable_queues_at_least_every_10_seconds()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
        var interval = host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider")
            .GetProperty("maxQueuePollingInterval").GetString()!;

        Assert.True(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromSeconds(10), interval);
    }

    [Fact]
    public void The_polling_interval_is_a_parameter_of_at_most_10_seconds_that_reaches_the_host()
    {
        var parameter = Parameter("durableMaxQueuePollingSeconds");
        Assert.Equal(10, parameter.GetProperty("defaultValue").GetInt32());
        Assert.Equal(10, parameter.GetProperty("maxValue").GetInt32());

        var settings = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "appsettings")
            .At("properties.parameters.settings.value");
        Assert.Equal("[format('00:00:{0}', padLeft(string(parameters('durableMaxQueuePollingSeconds')), 2, '0'))]",
            settings.GetProperty("AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval").GetString());
    }

    [Fact]
    public void Instance_memory_is_a_parameter_azd_can_set_to_a_flex_consumption_size()
    {
        var allowed = Parameter("instanceMemoryMB").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetInt32()).ToList();

        Assert.Equal([512, 2048, 4096], allowed);
        Assert.Equal(2048, Parameter("instanceMemoryMB").GetProperty("defaultValue").GetInt32());
        Assert.Equal("${FUNCTIONSCLOUD_INSTANCE_MEMORY_MB=2048}", ParametersFile.ValueOf("instanceMemoryMB"));
    }
}
