using System.Text.Json;

namespace FunctionsCloud.Infrastructure.Tests;

public class AppSettingsTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    /// <summary>The settings the template makes (the appsettings module adds them to those the app has).</summary>
    private static Dictionary<string, string> AppSettings() =>
        AppSettingsModule().At("properties.parameters.settings.value").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");

    private static TemplateResource AppSettingsModule() =>
        Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "appsettings");

    /// <summary>Every FunctionsCloud__ setting of local.settings.sample.json but the local provider's (local runs only).</summary>
    public static TheoryData<string> FunctionsCloudSettings()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "local.settings.sample.json")));
        var names = sample.RootElement.GetProperty("Values").EnumerateObject()
            .Select(p => p.Name)
            .Where(n => n.StartsWith("FunctionsCloud__", StringComparison.Ordinal) &&
                        !n.StartsWith("FunctionsCloud__LocalProvider__", StringComparison.Ordinal));
        return new TheoryData<string>(names);
    }

    [Theory]
    [MemberData(nameof(FunctionsCloudSettings))]
    public void Every_FunctionsCloud_setting_is_set(string name)
    {
        var settings = AppSettings();

        Assert.True(settings.TryGetValue(name, out var value), $"{name} is not an app setting.");
        Assert.False(string.IsNullOrWhiteSpace(value), $"{name} is empty.");
    }

    [Fact]
    public void The_sample_names_the_settings_the_theory_checks()
    {
        Assert.True(FunctionsCloudSettings().Count >= 12);
    }

    [Fact]
    public void Storage_is_reached_with_the_managed_identity_and_service_uris()
    {
        var settings = AppSettings();

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[parameters('blobEndpoint')]", settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal("[parameters('queueEndpoint')]", settings["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Equal("[parameters('tableEndpoint')]", settings["AzureWebJobsStorage__tableServiceUri"]);
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage would be a connection string.");
    }

    [Fact]
    public void No_setting_holds_a_storage_key_or_connection_string()
    {
        foreach (var (name, value) in AppSettings())
        {
            Assert.DoesNotContain("AccountKey=", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("DefaultEndpointsProtocol=", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature=", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys(", value, StringComparison.OrdinalIgnoreCase);
            Assert.False(name.Contains("CONNECTIONSTRING", StringComparison.OrdinalIgnoreCase) && name != "APPLICATIONINSIGHTS_CONNECTION_STRING",
                $"{name} looks like a connection string setting.");
        }
    }

    [Fact]
    public void Flex_consumption_rules_are_kept()
    {
        var settings = AppSettings();

        // Flex Consumption takes the runtime from functionAppConfig and rejects these settings.
        foreach (var forbidden in new[]
                 {
                     "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
                     "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "WEBSITE_NODE_DEFAULT_VERSION",
                 })
            Assert.False(settings.ContainsKey(forbidden), $"{forbidden} is not allowed on Flex Consumption.");
    }

    [Theory]
    [InlineData("FunctionsCloud__NodeCredentialKey", "nodeCredentialKeyUri")]
    [InlineData("FunctionsCloud__Bootstrap__ApiKey", "bootstrapApiKeyUri")]
    public void Secrets_are_key_vault_references(string name, string secretUriParameter)
    {
        Assert.Equal($"[format('@Microsoft.KeyVault(SecretUri={{0}})', parameters('{secretUriParameter}'))]", AppSettings()[name]);
    }

    [Fact]
    public void Telemetry_authenticates_with_the_identity_and_public_url_is_the_app_host()
    {
        var settings = AppSettings();

        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]",
            settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Contains("ConnectionString", Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "functionapp")
            .At("properties.parameters.applicationInsightsConnectionString.value").GetString());
        Assert.Equal("[format('https://{0}', reference('site').defaultHostName)]", settings["FunctionsCloud__PublicUrl"]);
        Assert.Equal("[parameters('accountVaultUri')]", settings["FunctionsCloud__KeyVaultUri"]);
    }

    [Fact]
    public void The_site_root_is_the_dashboard_not_the_hosts_landing_page()
    {
        Assert.Equal("true", AppSettings()["AzureWebJobsDisableHomepage"]);
    }

    [Fact]
    public void The_app_reads_the_agent_builds_from_the_container_the_hook_uploads_to()
    {
        Assert.Equal("[parameters('agentBuildsContainerName')]", AppSettings()["FunctionsCloud__AgentBuilds__Container"]);
        var functionApp = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "functionapp");
        Assert.Equal("[variables('agentBuildsContainerName')]", functionApp.StringAt("properties.parameters.agentBuildsContainerName.value"));
    }

    [Theory]
    [InlineData("FunctionsCloud__TaskHub", "taskHub")]
    [InlineData("FunctionsCloud__TablePrefix", "tablePrefix")]
    [InlineData("FunctionsCloud__MaxNodesPerCluster", "maxNodesPerCluster")]
    [InlineData("FunctionsCloud__RegistrationTimeoutSeconds", "registrationTimeoutSeconds")]
    [InlineData("FunctionsCloud__RegistrationTokenLifetimeSeconds", "registrationTokenLifetimeSeconds")]
    [InlineData("FunctionsCloud__HeartbeatIntervalSeconds", "heartbeatIntervalSeconds")]
    [InlineData("FunctionsCloud__ProviderBatchSize", "providerBatchSize")]
    [InlineData("FunctionsCloud__Bootstrap__User", "bootstrapUser")]
    [InlineData("FunctionsCloud__Bootstrap__Namespace", "bootstrapNamespace")]
    public void Defaults_match_the_local_defaults(string setting, string parameter)
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "local.settings.sample.json")));
        var local = sample.RootElement.GetProperty("Values").GetProperty(setting).GetString();

        var defaultValue = Template.Root.GetProperty("parameters").GetProperty(parameter).GetProperty("defaultValue");
        Assert.Equal(local, defaultValue.ToString());
    }
}
