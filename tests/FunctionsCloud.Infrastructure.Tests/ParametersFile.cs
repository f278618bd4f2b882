using System.Text.Json;

namespace FunctionsCloud.Infrastructure.Tests;

/// <summary>infra/main.parameters.json: what azd puts into each template parameter (${VARIABLE=default}).</summary>
public static class ParametersFile
{
    public static string ValueOf(string parameter)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "main.parameters.json")));
        Assert.True(file.RootElement.GetProperty("parameters").TryGetProperty(parameter, out var entry), $"main.parameters.json does not set {parameter}.");
        return entry.GetProperty("value").GetString()!;
    }
}
