using System.Diagnostics;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Resources;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.Azure;

/// <summary>PUT, GET and DELETE of generic ARM resources (the network pieces), with what this provider reads from them.</summary>
public static class AzureGenericResources
{
    /// <summary>How long a call waits for a network resource before leaving it to a retry of the activity.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// PUTs the resource and waits until it is Succeeded. Only for the quick network resources a later PUT refers to: ARM
    /// refuses a reference to one not yet Succeeded (ReferencedResourceNotProvisioned). It reads the resource's own
    /// provisioningState every <paramref name="pollInterval"/> rather than the operation's status, whose Retry-After
    /// (10 s from Microsoft.Network) would hold the worker far longer than these take.
    /// </summary>
    public static async Task<GenericResource> PutAndWaitAsync(
        AzureSession session, ResourceIdentifier id, GenericResourceData data, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var operation = await session.Arm.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Started, id, data, cancellationToken).ConfigureAwait(false);
        if (operation.HasCompleted)
        {
            return operation.Value;
        }

        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
            var resource = await FindAsync(session, id, cancellationToken).ConfigureAwait(false);
            switch (ProvisioningStateOf(resource))
            {
                case "Succeeded":
                    return resource!;
                case "Failed" or "Canceled":
                    // The operation's status carries ARM's error: waiting on it throws that error.
                    return await operation.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
            }

            ThrowWhenTooLong(id, started, "made");
        }
    }

    /// <summary>The resource, or null when ARM knows none by that id.</summary>
    public static async Task<GenericResource?> FindAsync(AzureSession session, ResourceIdentifier id, CancellationToken cancellationToken)
    {
        try
        {
            return await session.Arm.GetGenericResource(id).GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (AzureErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes the resource, waiting (by reading it, as <see cref="PutAndWaitAsync"/> does) when <paramref name="wait"/>:
    /// a NIC must be gone before its public IP can go. A 404 is success.
    /// </summary>
    public static async Task DeleteAsync(AzureSession session, ResourceIdentifier id, bool wait, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        try
        {
            var operation = await session.Arm.GetGenericResource(id).DeleteAsync(WaitUntil.Started, cancellationToken).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            while (wait && !operation.HasCompleted)
            {
                await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
                if (await FindAsync(session, id, cancellationToken).ConfigureAwait(false) is null)
                {
                    return;
                }

                ThrowWhenTooLong(id, started, "deleted");
            }
        }
        catch (RequestFailedException ex) when (AzureErrors.IsNotFound(ex))
        {
            // Already gone.
        }
    }

    /// <summary>A public IP resource's address, once Azure has given it one.</summary>
    public static string? IpAddressOf(GenericResource? publicIp) => StringProperty(publicIp, "ipAddress");

    /// <summary>Succeeded, Updating, Failed...: a network resource left Failed is repaired by PUTting it again.</summary>
    public static string? ProvisioningStateOf(GenericResource? resource) => StringProperty(resource, "provisioningState");

    private static void ThrowWhenTooLong(ResourceIdentifier id, long started, string what)
    {
        if (Stopwatch.GetElapsedTime(started) > WaitLimit)
        {
            throw new ProviderException($"Azure has not {what} {id.Name} within {WaitLimit.TotalSeconds:0} s; trying again.", isTransient: true);
        }
    }

    private static string? StringProperty(GenericResource? resource, string name)
    {
        if (resource?.Data.Properties is not { } properties || properties.ToMemory().IsEmpty)
        {
            return null;
        }

        using var document = JsonDocument.Parse(properties.ToMemory());
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }
}
