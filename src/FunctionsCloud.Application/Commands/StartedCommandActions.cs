using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Storage.Actions;

namespace FunctionsCloud.Application.Commands;

/// <summary>
/// Finds the action an earlier delivery of a command started before it could settle its receipt: the action's path
/// names the message, so a retry that took the receipt over answers with it instead of starting a second operation.
/// </summary>
public sealed class StartedCommandActions(IActionStore actions)
{
    public Task<ActionRecord?> FindAsync(string ns, string objectUri, string path, CancellationToken cancellationToken) =>
        actions.FindAsync(ns, objectUri, path, cancellationToken);
}
