using Azure.Identity;
using FunctionsCloud.Storage.Connection;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.Storage.Tests.Connection;

public sealed class StorageSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void A_connection_string_value_is_used_as_is()
    {
        var settings = StorageSettings.FromConfiguration(Config(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("UseDevelopmentStorage=true", settings.ConnectionString);
        var clients = new StorageClients(settings);
        Assert.Equal("devstoreaccount1", clients.Tables.AccountName);
        Assert.Equal("devstoreaccount1", clients.Queues.AccountName);
    }

    [Fact]
    public void A_section_with_service_uris_and_a_user_assigned_identity_uses_managed_identity()
    {
        var settings = StorageSettings.FromConfiguration(Config(
            ("AzureWebJobsStorage:tableServiceUri", "https://acct.table.core.windows.net"),
            ("AzureWebJobsStorage:queueServiceUri", "https://acct.queue.core.windows.net"),
            ("AzureWebJobsStorage:blobServiceUri", "https://acct.blob.core.windows.net"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001")));

        Assert.Null(settings.ConnectionString);
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), settings.TableServiceUri);
        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), settings.BlobServiceUri);
        Assert.Equal("00000000-0000-0000-0000-000000000001", settings.ClientId);
        Assert.IsType<ManagedIdentityCredential>(StorageCredentials.For(settings));
        var clients = new StorageClients(settings);
        Assert.Equal(settings.TableServiceUri, clients.Tables.Uri);
        Assert.Equal(settings.QueueServiceUri, clients.Queues.Uri);
    }

    [Fact]
    public void Without_managedidentity_the_default_credential_chain_is_used()
    {
        var settings = StorageSettings.FromConfiguration(Config(("AzureWebJobsStorage:accountName", "acct")));

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), settings.TableServiceUri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), settings.QueueServiceUri);
        Assert.IsType<DefaultAzureCredential>(StorageCredentials.For(settings));
    }

    [Fact]
    public void Missing_or_broken_settings_say_what_to_set()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => StorageSettings.FromConfiguration(Config()));
        Assert.Contains("AzureWebJobsStorage", missing.Message, StringComparison.Ordinal);

        Assert.Throws<InvalidOperationException>(() => StorageSettings.FromConfiguration(Config(
            ("AzureWebJobsStorage:tableServiceUri", "not a uri"), ("AzureWebJobsStorage:queueServiceUri", "https://a.queue.core.windows.net"))));
    }

    [Fact]
    public void Table_names_carry_the_configured_prefix()
    {
        Assert.Equal("fcNodeClusters", TableNames.FromConfiguration(Config()).NodeClusters);
        var names = TableNames.FromConfiguration(Config(("FunctionsCloud:TablePrefix", "prod2")));
        Assert.Equal(["prod2NodeClusters", "prod2Nodes", "prod2Actions", "prod2ApiKeys"], new[] { names.NodeClusters, names.Nodes, names.Actions, names.ApiKeys });
    }

    [Theory]
    [InlineData("fc-1")]
    [InlineData("1fc")]
    [InlineData("fc_x")]
    public void Table_prefixes_must_be_alphanumeric_starting_with_a_letter(string prefix) =>
        Assert.Throws<ArgumentException>(() => new TableNames(prefix));
}
