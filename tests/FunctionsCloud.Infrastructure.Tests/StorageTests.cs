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
}
