namespace FunctionsCloud.Providers.Local;

/// <summary>Settings of the <c>local</c> provider, bound from <c>FunctionsCloud:LocalProvider</c>.</summary>
public sealed class LocalNodeProviderOptions
{
    public const string SectionName = "FunctionsCloud:LocalProvider";
    public const string AgentFileName = "FunctionsCloud.Agent.dll";

    /// <summary>Where each node's state directory <c>&lt;StateRoot&gt;/&lt;nodeUuid&gt;/</c> lives. Default: <c>&lt;temp&gt;/functionscloud/local-nodes</c>.</summary>
    public string? StateRoot { get; set; }

    /// <summary>The agent's dll. Default: <c>FunctionsCloud.Agent.dll</c> beside this application.</summary>
    public string? AgentPath { get; set; }

    /// <summary>The dotnet executable that runs the agent. Default: the one running this application.</summary>
    public string? DotnetPath { get; set; }

    /// <summary>
    /// When the host exits, leave the agents (and their containers) running, for the next start on the same
    /// <see cref="StateRoot"/> to find them; by default they are stopped and their containers removed.
    /// </summary>
    public bool LeaveRunningOnExit { get; set; }

    /// <summary>How long a terminated agent gets to exit after SIGTERM before it is killed.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public string ResolveStateRoot() =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(StateRoot) ? Path.Combine(Path.GetTempPath(), "functionscloud", "local-nodes") : StateRoot);

    public string ResolveAgentPath() =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(AgentPath) ? Path.Combine(AppContext.BaseDirectory, AgentFileName) : AgentPath);

    public string ResolveDotnetPath()
    {
        if (!string.IsNullOrWhiteSpace(DotnetPath))
        {
            return DotnetPath;
        }

        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var root = runtimeDir is null ? null : Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var muxer = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return muxer is not null && File.Exists(muxer) ? muxer : "dotnet";
    }
}
