using Microsoft.AspNetCore.DataProtection;

namespace FunctionsCloud.Application.Accounts;

/// <summary>
/// Local runs: credentials encrypted with a data protection key kept on this machine. The purpose names the
/// namespace and provider, so a ciphertext copied to another row does not decrypt there.
/// </summary>
public sealed class DataProtectionCredentialVault(IDataProtectionProvider protection) : ICredentialVault
{
    private const string Purpose = "FunctionsCloud.ProviderAccount.v1";

    public Task<string> SealAsync(string @namespace, string provider, string credentialsJson, CancellationToken cancellationToken) =>
        Task.FromResult(Protector(@namespace, provider).Protect(credentialsJson));

    public Task<string> OpenAsync(string @namespace, string provider, string sealedValue, CancellationToken cancellationToken) =>
        Task.FromResult(Protector(@namespace, provider).Unprotect(sealedValue));

    public Task ForgetAsync(string @namespace, string provider, string sealedValue, CancellationToken cancellationToken) => Task.CompletedTask;

    private IDataProtector Protector(string @namespace, string provider) => protection.CreateProtector(Purpose, @namespace, provider);
}
