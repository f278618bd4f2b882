using System.Collections;
using FunctionsCloud.Agent;
using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.Hosting;
using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Rotation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
var loaded = AgentOptionsLoader.Load(args, environment);
if (loaded.HelpRequested)
{
    Console.WriteLine(AgentOptionsLoader.Usage);
    return AgentExitCodes.Success;
}

if (!loaded.IsValid)
{
    foreach (var error in loaded.Errors)
    {
        Console.Error.WriteLine($"error: {error}");
    }

    Console.Error.WriteLine("Run with --help for the options.");
    return AgentExitCodes.BadOptions;
}

var options = loaded.Options!;
if (options.RotateSecret)
{
    using var http = new HttpClient { Timeout = AgentHost.ControlPlaneTimeout };
    return await SecretRotation.RunAsync(options, http, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);
}

var identities = new IdentityStore(options.StateDir);
if (options.Token is null && !identities.Exists)
{
    Console.Error.WriteLine($"error: {identities.FilePath} does not exist, so the agent must register: give it a registration token with --token or {AgentOptionsLoader.EnvironmentPrefix}TOKEN.");
    return AgentExitCodes.BadOptions;
}

using var host = AgentHost.Build(options);
var exitStatus = host.Services.GetRequiredService<AgentExitStatus>();
await host.RunAsync().ConfigureAwait(false);
return exitStatus.ExitCode;
