using FunctionsCloud.Agent.Containers;
using FunctionsCloud.Domain.Agents;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.ControlPlane;

/// <summary>
/// Asks the control plane for the credentials of one image, with the node secret. Nothing is written to disk (no
/// `docker login`): the engine gets them with the pull request alone. When the control plane cannot answer, the image
/// is pulled without, and the registry's refusal, if any, is that container's failure.
/// </summary>
public sealed partial class ControlPlanePullCredentials(ControlPlaneClient controlPlane, string nodeSecret, ILogger logger) : IPullCredentials
{
    public async Task<RegistryCredential?> ForAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            return await controlPlane.GetRegistryCredentialAsync(nodeSecret, image, cancellationToken).ConfigureAwait(false);
        }
        catch (ControlPlaneException e) when (e.IsNotFound)
        {
            return null;
        }
        catch (ControlPlaneException e)
        {
            LogNotFetched(logger, image, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The credentials for {Image} could not be fetched ({Reason}); pulling it without")]
    private static partial void LogNotFetched(ILogger logger, string image, string reason);
}
