using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Liveness;

namespace FunctionsCloud.Application.Repositories;

/// <summary>
/// Hands an agent the credentials for one image it must pull: only an image that one of its node's desired
/// containers runs, only the node's namespace's credentials, and only with the node's newest secret. A node cannot
/// learn credentials for images it was not given.
/// </summary>
public sealed class RegistryCredentialIssuer(ILivenessStore liveness, IContainerStore containers, RepositoryService repositories)
{
    public async Task<RegistryCredential> IssueAsync(NodeIdentity node, RegistryCredentialRequest request, CancellationToken cancellationToken)
    {
        if (ImageReference.Check(request.Image) is { } problem)
            throw new RequestValidationException("image", problem);
        var pointer = await liveness.GetAsync(node.Namespace, node.NodeUuid, cancellationToken)
            ?? throw new ResourceNotFoundException("node", node.NodeUuid.ToString());
        CurrentSecret.Require(node, pointer);
        var desired = await containers.ListLiveByNodeAsync(node.Namespace, node.NodeUuid, cancellationToken);
        if (!desired.Any(c => c.Desired != ContainerDesire.Removed && c.Spec.Image == request.Image))
            throw new ResourceNotFoundException("desired container with image", request.Image!);
        return await repositories.CredentialForAsync(node.Namespace, request.Image!, cancellationToken)
            ?? throw new ResourceNotFoundException("registered repository of image", request.Image!);
    }
}
