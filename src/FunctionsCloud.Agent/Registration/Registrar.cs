using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.ControlPlane;
using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Inventory;
using FunctionsCloud.Domain.Agents;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Registration;

/// <summary>
/// Makes sure the agent has a node identity: the stored one (a restarted agent is the same node), or a new one
/// obtained by registering with the one-time token, retried with backoff until it works, then stored. Every attempt
/// sends the same host key, so a retry whose earlier answer was lost gets the node that attempt made.
/// </summary>
public sealed partial class Registrar(
    AgentOptions options,
    IdentityStore identities,
    ControlPlaneClient controlPlane,
    InventoryCollector inventory,
    RetryBackoff backoff,
    TimeProvider time,
    ILogger<Registrar> logger)
{
    public async Task<RegisteredNode> EnsureRegisteredAsync(CancellationToken cancellationToken)
    {
        var stored = identities.Load();
        if (stored is not null)
        {
            LogUsingStoredIdentity(logger, stored.Uuid, identities.FilePath);
            return new RegisteredNode(stored, null, RegisteredNow: false);
        }

        var token = options.Token
            ?? throw new InvalidOperationException($"{identities.FilePath} does not exist and no registration token was given (--token or {AgentOptionsLoader.EnvironmentPrefix}TOKEN).");

        identities.EnsureWritable();
        var hostKey = identities.LoadOrCreateHostKey();
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan delay;
            try
            {
                var request = new AgentRegistrationRequest(
                    token, options.Hostname, await inventory.CollectAsync(cancellationToken).ConfigureAwait(false), hostKey);
                var response = await controlPlane.RegisterAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.Uuid == Guid.Empty || string.IsNullOrEmpty(response.NodeSecret))
                {
                    throw new ControlPlaneException("the registration answer lacks the node uuid or secret");
                }

                var identity = new NodeIdentity(response.Uuid, response.NodeSecret);
                identities.Save(identity);
                LogRegistered(logger, identity.Uuid, attempt, identities.FilePath);
                TimeSpan? interval = response.HeartbeatIntervalSeconds > 0 ? TimeSpan.FromSeconds(response.HeartbeatIntervalSeconds) : null;
                return new RegisteredNode(identity, interval, RegisteredNow: true, response.Lease);
            }
            catch (ControlPlaneException ex) when (ex.IsUnauthorized)
            {
                delay = backoff.Cap;
                LogTokenRejected(logger, attempt, ex.Message, delay.TotalSeconds);
            }
            catch (ControlPlaneException ex)
            {
                delay = backoff.Delay(attempt - 1);
                LogRegistrationFailed(logger, attempt, ex.Message, delay.TotalSeconds);
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeUuid}: identity found in {IdentityFile}, not registering again")]
    private static partial void LogUsingStoredIdentity(ILogger logger, Guid nodeUuid, string identityFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered as node {NodeUuid} (attempt {Attempt}); identity stored in {IdentityFile}")]
    private static partial void LogRegistered(ILogger logger, Guid nodeUuid, int attempt, string identityFile);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registration attempt {Attempt} refused ({Reason}): the registration token is expired, already used or revoked. Ask the control plane for a new token; retrying in {DelaySeconds:0} s")]
    private static partial void LogTokenRejected(ILogger logger, int attempt, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registration attempt {Attempt} failed ({Reason}); retrying in {DelaySeconds:0.0} s")]
    private static partial void LogRegistrationFailed(ILogger logger, int attempt, string reason, double delaySeconds);
}
