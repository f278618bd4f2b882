using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Configuration;

/// <summary>
/// The local run's configuration, as Core Tools would build it: local.settings.json "Values" (or the committed
/// local.settings.sample.json when there is no local copy), then environment variables. Keys use "__" for
/// sections, read as ":" (A__B is the configuration key A:B).
/// </summary>
public static class LocalSettings
{
    public const string FileName = "local.settings.json";
    public const string SampleFileName = "local.settings.sample.json";

    /// <summary>The settings file used, or null when the repository root has neither.</summary>
    public static string? FindFile(string? repositoryRoot)
    {
        if (repositoryRoot is null)
            return null;
        return new[] { FileName, SampleFileName }.Select(name => Path.Combine(repositoryRoot, name)).FirstOrDefault(File.Exists);
    }

    public static IConfiguration Build(string? settingsFile)
    {
        var builder = new ConfigurationBuilder();
        if (settingsFile is not null)
            builder.AddInMemoryCollection(ReadValues(settingsFile));
        builder.AddEnvironmentVariables(); // also maps "__" to ":"
        return builder.Build();
    }

    private static Dictionary<string, string?> ReadValues(string settingsFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(settingsFile), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var settings))
        {
            foreach (var setting in settings.EnumerateObject())
                values[AppSettingResolver.ToConfigurationKey(setting.Name)] = AsString(setting.Value);
        }

        if (document.RootElement.TryGetProperty("ConnectionStrings", out var connectionStrings))
        {
            foreach (var connection in connectionStrings.EnumerateObject())
                values[$"ConnectionStrings:{connection.Name}"] = AsString(connection.Value);
        }

        return values;
    }

    private static string? AsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
