using System.Text.Json;

namespace FunctionsCloud.Agent.ControlPlane;

/// <summary>How the agent reads and writes the control plane's JSON: web defaults, enums by wire name or number.</summary>
public static class ControlPlaneJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new WireEnumConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
