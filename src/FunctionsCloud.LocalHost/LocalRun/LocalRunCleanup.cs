using FunctionsCloud.Providers.Local;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionsCloud.LocalHost.LocalRun;

/// <summary>
/// A clean start: what the last local run left running is stopped (its nodes' agents, their containers, its Azurite),
/// then the state folder goes.
/// </summary>
public static class LocalRunCleanup
{
    public static async Task CleanAsync(LocalRunState state, TextWriter output)
    {
        var stopped = 0;
        if (Directory.Exists(state.Nodes))
        {
            var containers = new LocalNodeContainers(LocalNodeContainers.DefaultEndpoint, NullLogger<LocalNodeContainers>.Instance);
            foreach (var directory in Directory.EnumerateDirectories(state.Nodes))
            {
                if (!Guid.TryParse(Path.GetFileName(directory), out var uuid))
                    continue;
                var node = new LocalNodeDirectory(state.Nodes, uuid);
                if (node.ReadPid() is { } pid && ProcessIdentity.Of(pid, node.Path) is { } agent)
                {
                    agent.KillTree();
                    stopped++;
                }

                await containers.RemoveAllAsync(uuid, CancellationToken.None);
            }
        }

        if (LocalProcesses.ReadPid(state.AzuritePidFile) is { } azurite)
            ProcessIdentity.Of(azurite, state.AzuriteData)?.KillTree();
        state.Delete();
        output.WriteLine($"Started clean: {stopped} agent(s) of the last run stopped, their containers removed, {state.Path} deleted.");
    }
}
