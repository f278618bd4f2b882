namespace FunctionsCloud.Infrastructure.Tests;

public class FunctionAppTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    [Fact]
    public void Plan_is_flex_consumption()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.StringAt("sku.name"));
        Assert.Equal("FlexConsumption", plan.StringAt("sku.tier"));
        Assert.True(plan.At("properties.reserved").GetBoolean());
    }

    [Fact]
    public void Function_app_runs_dotnet_isolated_10_on_linux()
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Equal("functionapp,linux", site.StringAt("kind"));
        Assert.Equal("dotnet-isolated", site.StringAt("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", site.StringAt("properties.functionAppConfig.runtime.version"));
    }

    [Fact]
    public void Function_app_is_https_only_with_tls_1_2_and_no_ftp_or_publishing_passwords()
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.True(site.At("properties.httpsOnly").GetBoolean());
        Assert.Equal("1.2", site.StringAt("properties.siteConfig.minTlsVersion"));
        Assert.Equal("1.2", site.StringAt("properties.siteConfig.scmMinTlsVersion"));
        Assert.Equal("Disabled", site.StringAt("properties.siteConfig.ftpsState"));
        var policies = Template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p.At("properties.allow").GetBoolean()));
    }

    [Fact]
    public void Function_app_runs_as_the_user_assigned_identity_and_deploys_from_blob_storage_with_it()
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Equal("UserAssigned", site.StringAt("identity.type"));
        var identities = site.At("identity.userAssignedIdentities").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["[format('{0}', parameters('identityId'))]"], identities);
        Assert.Equal("[parameters('identityId')]", site.StringAt("properties.keyVaultReferenceIdentity"));

        Assert.Equal("blobContainer", site.StringAt("properties.functionAppConfig.deployment.storage.type"));
        Assert.Equal("UserAssignedIdentity", site.StringAt("properties.functionAppConfig.deployment.storage.authentication.type"));
        Assert.Equal("[parameters('identityId')]",
            site.StringAt("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"));
        Assert.Equal("[parameters('maximumInstanceCount')]",
            site.StringAt("properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount"));
    }

    [Fact]
    public void Function_app_is_the_azd_service_api()
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Contains("'azd-service-name', 'api'", site.StringAt("tags"));
    }
}
