using FunctionsCloud.Providers.Azure;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Providers.Tests.Azure;

public sealed class AzureProviderRegistrationTests
{
    [Fact]
    public void Registers_the_azure_provider_with_its_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FunctionsCloud:Providers:Azure:ArmEndpoint"] = "https://management.example.net",
            ["FunctionsCloud:Providers:Azure:Image:Offer"] = "debian-12",
            ["FunctionsCloud:Providers:Azure:RetryAttempts"] = "7",
            ["FunctionsCloud:Providers:Azure:NetworkPollInterval"] = "00:00:05",
            ["FunctionsCloud:Providers:Azure:OpenInboundPorts:0"] = "80",
            ["FunctionsCloud:Providers:Azure:AllowManagedIdentity"] = "true",
            ["AzureWebJobsStorage:clientId"] = "5f0c7a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f",
        }).Build();
        using var services = new ServiceCollection().AddAzureNodeProvider(configuration).BuildServiceProvider();

        var provider = Assert.Single(services.GetServices<INodeProvider>());
        var options = services.GetRequiredService<IOptions<AzureProviderOptions>>().Value;

        Assert.Equal("azure", provider.Name);
        Assert.True(provider.NeedsAccount);
        Assert.True(new NodeProviderRegistry([provider]).IsConfigured("azure"));
        Assert.Equal(new Uri("https://management.example.net"), options.ArmEndpoint);
        Assert.Equal("debian-12", options.Image.Offer);
        Assert.Equal("Canonical", options.Image.Publisher);
        Assert.Equal(7, options.RetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), options.NetworkPollInterval);
        Assert.Equal(["80"], options.OpenInboundPorts);
        Assert.True(options.AllowManagedIdentity);
        Assert.Equal("5f0c7a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f", options.ManagedIdentityClientId); // the app's identity, from the storage setting
    }

    [Fact]
    public void An_explicit_managed_identity_client_id_wins()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FunctionsCloud:Providers:Azure:ManagedIdentityClientId"] = "explicit",
            ["AzureWebJobsStorage:clientId"] = "storage",
        }).Build();
        using var services = new ServiceCollection().AddAzureNodeProvider(configuration).BuildServiceProvider();

        Assert.Equal("explicit", services.GetRequiredService<IOptions<AzureProviderOptions>>().Value.ManagedIdentityClientId);
    }
}
