using FunctionsCloud.Providers.Aws;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Providers.Tests.Aws;

public sealed class AwsDependencyInjectionTests
{
    [Fact]
    public void AddAwsNodeProvider_registers_the_aws_provider_with_its_options()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FunctionsCloud:Providers:Aws:ServiceUrl"] = "http://127.0.0.1:4566",
            ["FunctionsCloud:Providers:Aws:RetryAttempts"] = "7",
            ["FunctionsCloud:Providers:Aws:ImageIds:eu-west-1"] = "ami-0eu0west0one0000",
        }).Build();

        using var services = new ServiceCollection().AddAwsNodeProvider(configuration).BuildServiceProvider();

        var provider = Assert.Single(services.GetServices<INodeProvider>());
        Assert.Equal("aws", provider.Name);
        Assert.True(provider.NeedsAccount);
        Assert.Same(provider, services.GetRequiredService<AwsNodeProvider>());
        var options = services.GetRequiredService<IOptions<AwsProviderOptions>>().Value;
        Assert.Equal("http://127.0.0.1:4566", options.ServiceUrl);
        Assert.Equal(7, options.RetryAttempts);
        Assert.Equal("ami-0eu0west0one0000", options.ImageIds["eu-west-1"]);
        Assert.Equal("ami-0c2a1f58a3414ec50", options.ImageIds["us-east-1"]);
        Assert.True(new NodeProviderRegistry(services.GetServices<INodeProvider>()).IsConfigured("aws"));
    }
}
