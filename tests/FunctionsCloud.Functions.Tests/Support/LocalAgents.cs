using System.Diagnostics;
using FunctionsCloud.Providers.Local;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Support;

/// <summary>The agent processes of local nodes, killed as a crashed host stops and started again as the local provider starts them.</summary>
public static class LocalAgents
{
    /// <summary>The local provider's machine id is the agent's process id; SIGKILL stops it mid-beat.</summary>
    public static async Task<DateTime> KillAsync(FunctionsCloudTestHost app, Guid nodeUuid)
    {
        var node = await app.Services.GetRequiredService<INodeStore>().GetAsync(AdminNamespace, nodeUuid);
        using var process = Process.GetProcessById(int.Parse(node!.ProviderId!));
        process.Kill();
        await process.WaitForExitAsync();
        return DateTime.UtcNow;
    }

    /// <summary>The agent on the node's state directory: it finds its identity there and calls as the same node.</summary>
    public static Process Start(FunctionsCloudTestHost app, Guid nodeUuid)
    {
        var options = app.Services.GetRequiredService<IOptions<LocalNodeProviderOptions>>().Value;
        return Run(app, app.Host.BaseAddress, "--state-dir", new LocalNodeDirectory(options.ResolveStateRoot(), nodeUuid).Path);
    }

    /// <summary>
    /// The agent as the install script runs it on a host of one's own (or cloud-init on a cloud machine): registering with
    /// a token, its state in a directory of its own, calling the app (or <paramref name="apiUrl"/>, e.g. a proxy in front
    /// of it), with <paramref name="options"/> of its own (e.g. "--upgrade-command", script).
    /// </summary>
    public static Process StartOwnHost(FunctionsCloudTestHost app, string token, string stateDir, Uri? apiUrl = null, params string[] options) =>
        Run(app, apiUrl ?? app.Host.BaseAddress, ["--state-dir", stateDir, "--token", token, .. options]);

    private static Process Run(FunctionsCloudTestHost app, Uri apiUrl, params string[] arguments)
    {
        var options = app.Services.GetRequiredService<IOptions<LocalNodeProviderOptions>>().Value;
        var start = new ProcessStartInfo(options.ResolveDotnetPath()) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { options.ResolveAgentPath(), "--api-url", apiUrl.ToString() }.Concat(arguments))
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
