namespace FunctionsCloud.Storage.AgentBuilds;

/// <summary>The platforms the agent is built for, and the names their builds are published under.</summary>
public static class AgentPlatforms
{
    public static readonly IReadOnlyList<string> All = ["linux-x64", "linux-arm64"];

    public static bool IsKnown(string platform) => All.Contains(platform);

    public static string FileName(string platform) => $"functionscloud-agent-{platform}.tar.gz";
}
