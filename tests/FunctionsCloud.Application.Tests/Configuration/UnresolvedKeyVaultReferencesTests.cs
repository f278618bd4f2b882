using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Application.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Tests.Configuration;

/// <summary>
/// App Service hands the app a Key Vault reference's own text when it cannot resolve it: start-up refuses such a
/// setting, names it in the log, and stores no API key hashed from that text.
/// </summary>
public class UnresolvedKeyVaultReferencesTests
{
    private const string Reference = "@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/bootstrap-admin-api-key)";
    private const string CredentialKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="; // 32 bytes

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    private static (ValidateOptionsResult Result, ListLoggerProvider Logs) Validate(IConfiguration configuration)
    {
        var logs = new ListLoggerProvider();
        var check = new UnresolvedKeyVaultReferences(configuration, logs.CreateLogger<UnresolvedKeyVaultReferences>());
        return (check.Validate(Options.DefaultName, new FunctionsCloudOptions()), logs);
    }

    [Fact]
    public void An_unresolved_bootstrap_api_key_is_refused_with_a_log_line_naming_the_setting()
    {
        var (result, logs) = Validate(Settings(("FunctionsCloud:Bootstrap:ApiKey", Reference), ("FunctionsCloud:NodeCredentialKey", CredentialKey)));

        Assert.True(result.Failed);
        Assert.Contains("FunctionsCloud__Bootstrap__ApiKey", result.FailureMessage);
        var line = Assert.Single(logs.Lines);
        Assert.StartsWith("Critical", line);
        Assert.Contains("FunctionsCloud__Bootstrap__ApiKey", line);
        Assert.Contains("unresolved Key Vault reference", line);
        Assert.Contains("az functionapp restart", line);
    }

    [Fact]
    public void Every_setting_the_app_reads_is_checked_not_just_the_two_secrets()
    {
        var unresolved = UnresolvedKeyVaultReferences.Find(Settings(
            ("FunctionsCloud:NodeCredentialKey", Reference),
            ("FunctionsCloud:Providers:DigitalOcean:SshKeys:0", "  " + Reference.ToLowerInvariant()),
            ("AzureWebJobsStorage:clientId", Reference),
            ("FunctionsCloud:Bootstrap:User", "admin"),
            ("SOME_PLATFORM_SETTING", Reference)));

        Assert.Equal(["AzureWebJobsStorage__clientId", "FunctionsCloud__NodeCredentialKey", "FunctionsCloud__Providers__DigitalOcean__SshKeys__0"], unresolved);
    }

    [Fact]
    public void Resolved_settings_pass_without_a_log_line()
    {
        var (result, logs) = Validate(Settings(("FunctionsCloud:Bootstrap:ApiKey", "a-real-key"), ("FunctionsCloud:NodeCredentialKey", CredentialKey)));

        Assert.True(result.Succeeded);
        Assert.Empty(logs.Lines);
    }

    [Fact]
    public void The_application_refuses_to_start_before_any_api_key_is_stored()
    {
        var configuration = Settings(
            ("FunctionsCloud:Bootstrap:ApiKey", Reference),
            ("FunctionsCloud:NodeCredentialKey", CredentialKey),
            ("FunctionsCloud:KeyVaultUri", Reference),
            ("AzureWebJobsStorage", "UseDevelopmentStorage=true"));
        var services = new ServiceCollection();
        services.AddFunctionsCloudApplication(configuration);
        using var provider = services.BuildServiceProvider();

        // What the host does before it starts any hosted service (the admin key bootstrapper among them).
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("FunctionsCloud__Bootstrap__ApiKey", error.Message);
        Assert.Contains("FunctionsCloud__KeyVaultUri", error.Message);
    }
}
