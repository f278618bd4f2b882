namespace FunctionsCloud.Infrastructure.Tests;

/// <summary>
/// Provisioning again keeps what was changed since: app settings set outside the template, and secrets already in
/// Key Vault (a rotated key stays rotated).
/// </summary>
public class ProvisionAgainTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    [Fact]
    public void App_settings_the_app_has_are_kept_under_the_template_s_and_the_deployment_s_extra_ones()
    {
        var config = Template.Single("Microsoft.Web/sites/config");

        Assert.Equal(
            "[union(list(format('{0}/config/appsettings', resourceId('Microsoft.Web/sites', parameters('siteName'))), '2025-03-01').properties, parameters('settings'), parameters('extraSettings'))]",
            config.StringAt("properties"));
    }

    [Fact]
    public void Extra_app_settings_come_from_the_azd_environment_as_a_secure_object()
    {
        Assert.Equal("${FUNCTIONSCLOUD_APP_SETTINGS}", ParametersFile.ValueOf("appSettings"));
        var parameter = Template.Root.GetProperty("parameters").GetProperty("appSettings");
        Assert.Equal("secureObject", parameter.GetProperty("type").GetString());

        var functionApp = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "functionapp");
        Assert.Equal("[parameters('appSettings')]", functionApp.StringAt("properties.parameters.extraAppSettings.value"));
        var settingsModule = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "appsettings");
        Assert.Equal("[parameters('extraAppSettings')]", settingsModule.StringAt("properties.parameters.extraSettings.value"));
    }

    [Fact]
    public void A_secret_already_in_key_vault_is_not_written_again()
    {
        var secrets = Template.OfType("Microsoft.KeyVault/vaults/secrets").ToList();

        Assert.Equal(2, secrets.Count);
        foreach (var secret in secrets)
        {
            var name = secret.Name[(secret.Name.LastIndexOf("variables(", StringComparison.Ordinal))..].TrimEnd(']', ')');
            Assert.Equal($"[not(contains(variables('stored'), {name})))]", secret.StringAt("condition"));
        }

        var keyVault = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "keyvault");
        Assert.Equal("[split(parameters('alreadyStored'), ',')]", secrets[0].Template.GetProperty("variables").GetProperty("stored").GetString());
        Assert.Equal("[parameters('alreadyStored')]", keyVault.StringAt("properties.parameters.alreadyStored.value"));
        Assert.Equal("${FUNCTIONSCLOUD_STORED_SECRETS}", ParametersFile.ValueOf("alreadyStored"));
    }

    [Fact]
    public void The_app_reads_its_secrets_by_name_whether_or_not_this_provision_wrote_them()
    {
        var outputs = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "keyvault")
            .At("properties.template.outputs");

        Assert.Equal("[format('{0}secrets/{1}', reference(resourceId('Microsoft.KeyVault/vaults', parameters('vaultName')), '2026-05-15').vaultUri, variables('nodeCredentialKeyName'))]",
            outputs.GetProperty("nodeCredentialKeyUri").GetProperty("value").GetString());
        Assert.Equal("[format('{0}secrets/{1}', reference(resourceId('Microsoft.KeyVault/vaults', parameters('vaultName')), '2026-05-15').vaultUri, variables('bootstrapApiKeyName'))]",
            outputs.GetProperty("bootstrapApiKeyUri").GetProperty("value").GetString());
    }
}
