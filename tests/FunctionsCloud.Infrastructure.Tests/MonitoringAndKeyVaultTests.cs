namespace FunctionsCloud.Infrastructure.Tests;

public class MonitoringAndKeyVaultTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    [Fact]
    public void Application_insights_and_log_analytics_have_local_auth_off()
    {
        var insights = Template.Single("Microsoft.Insights/components");
        Assert.True(insights.At("properties.DisableLocalAuth").GetBoolean());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.StringAt("properties.WorkspaceResourceId"));

        var workspace = Template.Single("Microsoft.OperationalInsights/workspaces");
        Assert.True(workspace.At("properties.features.disableLocalAuth").GetBoolean());
    }

    [Fact]
    public void Key_vaults_use_rbac_authorization_and_soft_delete()
    {
        var vaults = Template.OfType("Microsoft.KeyVault/vaults").ToList();

        Assert.NotEmpty(vaults);
        foreach (var vault in vaults)
        {
            Assert.True(vault.At("properties.enableRbacAuthorization").GetBoolean());
            Assert.True(vault.At("properties.enableSoftDelete").GetBoolean());
            Assert.False(vault.Properties.TryGetProperty("accessPolicies", out _));
        }
    }

    [Fact]
    public void Key_vault_holds_the_two_app_secrets_from_secure_parameters()
    {
        var secrets = Template.OfType("Microsoft.KeyVault/vaults/secrets").ToList();

        Assert.Equal(2, secrets.Count);
        Assert.Contains(secrets, s => s.ResolveVariables(s.Name).Contains("'node-credential-key'", StringComparison.Ordinal));
        Assert.Contains(secrets, s => s.ResolveVariables(s.Name).Contains("'bootstrap-admin-api-key'", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            var parameter = secret.StringAt("properties.value");
            Assert.Matches(@"^\[parameters\('\w+'\)\]$", parameter);
            var name = parameter[13..^3];
            Assert.Equal("securestring", secret.Template.GetProperty("parameters").GetProperty(name).GetProperty("type").GetString());
        }
    }

    [Theory]
    [InlineData("nodeCredentialSeed")]
    [InlineData("bootstrapApiKey")]
    public void Generated_secrets_are_secure_parameters_without_defaults_that_azd_generates(string name)
    {
        var parameter = Template.Root.GetProperty("parameters").GetProperty(name);

        Assert.Equal("securestring", parameter.GetProperty("type").GetString());
        Assert.False(parameter.TryGetProperty("defaultValue", out _));
        Assert.Equal("generate", parameter.GetProperty("metadata").GetProperty("azd").GetProperty("type").GetString());
    }

    [Fact]
    public void Node_credential_key_is_base64()
    {
        var keyVault = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "keyvault");

        Assert.Equal("[base64(parameters('nodeCredentialSeed'))]", keyVault.StringAt("properties.parameters.nodeCredentialKey.value"));
        var length = Template.Root.GetProperty("parameters").GetProperty("nodeCredentialSeed")
            .GetProperty("metadata").GetProperty("azd").GetProperty("config").GetProperty("length").GetInt32();
        Assert.True(length >= 32, "The key must be at least 32 bytes.");
    }
}
