using Azure.Identity;
using FunctionsCloud.Functions.Telemetry;

namespace FunctionsCloud.Functions.Tests.Telemetry;

public sealed class WorkerTelemetryTests
{
    [Theory]
    [InlineData("ClientId=0b0a7e3c-1111-4222-8333-444455556666;Authorization=AAD")]
    [InlineData("Authorization=AAD")] // the system-assigned identity
    public void Entra_authentication_sends_with_a_managed_identity(string authentication) =>
        Assert.IsType<ManagedIdentityCredential>(WorkerTelemetry.ManagedIdentity(authentication));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_the_setting_the_connection_strings_key_is_used(string? authentication) =>
        Assert.Null(WorkerTelemetry.ManagedIdentity(authentication));
}
