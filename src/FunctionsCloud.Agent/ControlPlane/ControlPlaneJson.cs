using System.Text.Json;

namespace FunctionsCloud.Agent.ControlPlane;

/// <summary>How the agent reads and writes the control plane's JSON: web defaults (the contracts' enums carry their own wire-name converter).</summary>
public static class ControlPlaneJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
