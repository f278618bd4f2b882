using FunctionsCloud.Domain.Resources;

namespace FunctionsCloud.Domain.Triggers;

/// <summary>Where triggers live: under their service, and (for calls) under the secret that is their credential.</summary>
public static class TriggerUris
{
    /// <summary>The call URLs: the secret in them is the credential, so no API key is asked for.</summary>
    public const string CallPrefix = ResourceUris.App + "/trigger";

    public static string Of(Guid serviceUuid, Guid uuid) => $"{ResourceUris.Service(serviceUuid)}trigger/{uuid:D}/";

    /// <summary>The call URL's path; with a step for SCALEUP by more than one.</summary>
    public static string Call(string secret, int? steps = null) =>
        $"{CallPrefix}/{secret}/call/" + (steps is { } n ? $"{n}/" : "");

    /// <summary>What actions record as the path of a call: the trigger's own path, never its secret.</summary>
    public static string CallRecord(Guid serviceUuid, Guid uuid, int? steps) =>
        Of(serviceUuid, uuid) + "call/" + (steps is { } n ? $"{n}/" : "");
}
