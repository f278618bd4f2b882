namespace FunctionsCloud.Infrastructure.Tests;

public class StorageTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    [Fact]
    public void Storage_account_takes_no_shared_key_and_only_https_with_tls_1_2()
    {
        var storage = Template.Single("Microsoft.Storage/storageAccounts");

        Assert.False(storage.At("properties.allowSharedKeyAccess").GetBoolean());
        Assert.True(storage.At("properties.defaultToOAuthAuthentication").GetBoolean());
        Assert.Equal("TLS1_2", storage.StringAt("properties.minimumTlsVersion"));
        Assert.True(storage.At("properties.supportsHttpsTrafficOnly").GetBoolean());
        Assert.False(storage.At("properties.allowBlobPublicAccess").GetBoolean());
    }

    [Fact]
    public void Blob_containers_are_private_and_include_the_deployment_and_agent_builds_containers()
    {
        var container = Template.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", container.StringAt("properties.publicAccess"));

        var storageModule = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "storage");
        var names = storageModule.At("properties.parameters.containers.value").EnumerateArray()
            .Select(e => storageModule.ResolveVariables(e.GetString()!))
            .ToList();
        Assert.Contains("['agent-builds']", names);
        Assert.Contains("['deployments']", names);
    }

    [Fact]
    public void No_storage_key_is_read_anywhere_in_the_template()
    {
        Assert.DoesNotContain("listKeys(", Template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas(", Template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", Template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DefaultEndpointsProtocol=", Template.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_lifecycle_rule_deletes_container_log_segments_after_their_retention_and_the_apps_sweep_is_off()
    {
        var policy = Template.Single("Microsoft.Storage/storageAccounts/managementPolicies");
        var rule = Assert.Single(policy.At("properties.policy.rules").EnumerateArray().ToList());
        Assert.Equal(["logs-"], rule.GetProperty("definition").GetProperty("filters").GetProperty("prefixMatch").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["appendBlob"], rule.GetProperty("definition").GetProperty("filters").GetProperty("blobTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("[parameters('logRetentionDays')]",
            rule.GetProperty("definition").GetProperty("actions").GetProperty("baseBlob").GetProperty("delete").GetProperty("daysAfterModificationGreaterThan").GetString());

        var settings = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "appsettings").At("properties.parameters.settings.value");
        Assert.Equal("false", settings.GetProperty("FunctionsCloud__Logs__RetentionSweep").GetString());
    }
}
