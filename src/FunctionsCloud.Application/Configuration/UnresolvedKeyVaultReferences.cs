using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Configuration;

/// <summary>
/// Refuses to start while a setting still holds a Key Vault reference. When App Service cannot resolve
/// <c>@Microsoft.KeyVault(...)</c> (the identity's role not in effect yet, the secret missing) it hands the app the
/// reference's own text: taken as a value, the bootstrap API key would be that well-known text, a key anyone can
/// guess. Every setting the app reads lives under the sections checked here, and the check runs with the options'
/// start-up validation, before any hosted service or function runs.
/// </summary>
public sealed class UnresolvedKeyVaultReferences(IConfiguration configuration, ILogger<UnresolvedKeyVaultReferences> logger)
    : IValidateOptions<FunctionsCloudOptions>
{
    private const string Marker = "@Microsoft.KeyVault(";

    /// <summary>The sections whose settings the app reads itself (the Functions host reads its own).</summary>
    private static readonly string[] Sections = [FunctionsCloudOptions.Section, "AzureWebJobsStorage"];

    public ValidateOptionsResult Validate(string? name, FunctionsCloudOptions options)
    {
        var unresolved = Find(configuration);
        if (unresolved.Count == 0)
            return ValidateOptionsResult.Success;

        var message = Describe(unresolved);
        logger.LogCritical("{Message}", message);
        return ValidateOptionsResult.Fail(message);
    }

    /// <summary>The app setting names (FunctionsCloud__Bootstrap__ApiKey) whose values are still Key Vault references.</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration) =>
        Sections.SelectMany(section => configuration.GetSection(section).AsEnumerable())
            .Where(setting => IsReference(setting.Value))
            .Select(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static bool IsReference(string? value) =>
        value is not null && value.TrimStart().StartsWith(Marker, StringComparison.OrdinalIgnoreCase);

    private static string Describe(IReadOnlyList<string> settings) =>
        $"Not starting: {string.Join(", ", settings)} still hold{(settings.Count == 1 ? "s" : "")} an unresolved Key Vault reference " +
        "(@Microsoft.KeyVault(...)), so the app's identity could not read the secret: its Key Vault role may not be in effect yet " +
        "(role assignments take up to 10 minutes), or the secret is missing. Once it can be read, restart the app " +
        "(az functionapp restart --name <app> --resource-group <group>).";
}
