using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.Storage.AgentBuilds;

/// <summary>
/// The builds in Azure: the deployment hook publishes them to a private blob container, which the app
/// reads with its managed identity and streams to installing hosts.
/// </summary>
internal sealed class BlobAgentBuilds(BlobServiceClient blobs, string container) : IAgentBuilds
{
    public const string ContainerSetting = "FunctionsCloud:AgentBuilds:Container";
    public const string DefaultContainer = "agent-builds";

    public static string ContainerOf(IConfiguration configuration) =>
        configuration[ContainerSetting] is { Length: > 0 } configured ? configured : DefaultContainer;

    public async Task<Stream?> OpenAsync(string platform, CancellationToken cancellationToken)
    {
        if (!AgentPlatforms.IsKnown(platform))
            return null;
        try
        {
            return await blobs.GetBlobContainerClient(container).GetBlobClient(AgentPlatforms.FileName(platform))
                .OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
