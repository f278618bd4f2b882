using FunctionsCloud.Application.Agents.Install;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Storage.AgentBuilds;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Functions.Agents;

/// <summary>What a host downloads to become a node: the install script and the agent build for its platform. No credentials needed.</summary>
public sealed class AgentInstallFunctions(IAgentBuilds builds, IOptions<FunctionsCloudOptions> options)
{
    [Function("AgentInstallScript")]
    public IResult Script([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/agent/v1/install.sh")] HttpRequest request) =>
        Results.Text(InstallScript.Render(options.Value.PublicUrl), "text/x-shellscript; charset=utf-8");

    [Function("AgentBuild")]
    public async Task<IResult> Build(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/agent/v1/build/{platform}")] HttpRequest request, string platform)
    {
        var build = await builds.OpenAsync(platform, request.HttpContext.RequestAborted)
            ?? throw new ResourceNotFoundException("agent build", platform);
        return Results.Stream(build, "application/gzip", AgentPlatforms.FileName(platform));
    }
}
