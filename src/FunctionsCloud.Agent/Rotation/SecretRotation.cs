using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.ControlPlane;
using FunctionsCloud.Agent.Identity;

namespace FunctionsCloud.Agent.Rotation;

/// <summary>
/// <c>--rotate-secret</c>: asks the control plane for a new node secret with the current one and stores it in place
/// of the old (written whole or not at all). From the answer on, the old secret is refused; an agent running
/// meanwhile gets a 401, finds the new secret on disk and goes on with it.
/// </summary>
public static class SecretRotation
{
    public static async Task<int> RunAsync(AgentOptions options, HttpClient http, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var identities = new IdentityStore(options.StateDir);
        NodeIdentity? identity;
        try
        {
            identity = identities.Load();
        }
        catch (InvalidDataException ex)
        {
            await errors.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return AgentExitCodes.Failure;
        }

        if (identity is null)
        {
            await errors.WriteLineAsync($"error: {identities.FilePath} does not exist: there is no node secret to rotate.").ConfigureAwait(false);
            return AgentExitCodes.BadOptions;
        }

        try
        {
            var answer = await new ControlPlaneClient(http, options.ApiUrl).RotateSecretAsync(identity.NodeSecret, cancellationToken).ConfigureAwait(false);
            if (answer.Uuid != identity.Uuid || string.IsNullOrEmpty(answer.NodeSecret))
            {
                throw new ControlPlaneException("the rotation answer names another node or no secret");
            }

            identities.Save(identity with { NodeSecret = answer.NodeSecret });
            await output.WriteLineAsync($"Node {identity.Uuid}: the node secret was rotated; the new one is in {identities.FilePath}.").ConfigureAwait(false);
            return AgentExitCodes.Success;
        }
        catch (ControlPlaneException ex)
        {
            await errors.WriteLineAsync($"error: the node secret could not be rotated ({ex.Message}); {identities.FilePath} is unchanged.").ConfigureAwait(false);
            return AgentExitCodes.Failure;
        }
    }
}
