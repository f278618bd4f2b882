using System.Collections.Concurrent;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using FunctionsCloud.Storage.AgentBuilds;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost.AgentBuilds;

/// <summary>
/// The local run serves agent builds made from this checkout: on first request for a platform it publishes
/// the agent self-contained for it (dotnet publish) and packs the result; later requests get the same file.
/// </summary>
public sealed class LocalAgentBuilds(string repositoryRoot, ILogger<LocalAgentBuilds> logger) : IAgentBuilds
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _builds = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "functionscloud-agent-builds", Environment.ProcessId.ToString());

    public async Task<Stream?> OpenAsync(string platform, CancellationToken cancellationToken)
    {
        if (!AgentPlatforms.IsKnown(platform))
            return null;
        var archive = await _builds.GetOrAdd(platform, p => new Lazy<Task<string>>(() => BuildAsync(p))).Value.WaitAsync(cancellationToken);
        return File.OpenRead(archive);
    }

    private async Task<string> BuildAsync(string platform)
    {
        var publishDir = Path.Combine(_output, platform);
        var archive = Path.Combine(_output, AgentPlatforms.FileName(platform));
        logger.LogInformation("Publishing the agent for {Platform} (first request for it)...", platform);
        await PublishAsync(platform, publishDir);
        await using (var file = File.Create(archive))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            // Only the executable: the install script runs it from /opt/functionscloud-agent.
            await using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
            await tar.WriteEntryAsync(Path.Combine(publishDir, AgentExecutable), AgentExecutable);
        }

        logger.LogInformation("Agent for {Platform} ready: {Archive}", platform, archive);
        return archive;
    }

    private const string AgentExecutable = "FunctionsCloud.Agent";

    private async Task PublishAsync(string platform, string publishDir)
    {
        var project = Path.Combine(repositoryRoot, "src", "FunctionsCloud.Agent", "FunctionsCloud.Agent.csproj");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     "publish", project, "-c", "Release", "-r", platform, "--self-contained", "-o", publishDir,
                     "-p:PublishSingleFile=true", "-p:EnableCompressionInSingleFile=true", "-p:DebugType=none", "-nologo",
                 })
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Publishing the agent for {platform} failed ({process.ExitCode}): {await output}{await errors}");
    }
}
