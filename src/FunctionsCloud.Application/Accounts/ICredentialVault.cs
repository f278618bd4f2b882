namespace FunctionsCloud.Application.Accounts;

/// <summary>
/// Keeps provider credentials encrypted at rest: Key Vault in Azure, ASP.NET Core data protection locally.
/// What it returns from <see cref="SealAsync"/> is all that is stored in tables.
/// </summary>
public interface ICredentialVault
{
    Task<string> SealAsync(string @namespace, string provider, string credentialsJson, CancellationToken cancellationToken);

    Task<string> OpenAsync(string @namespace, string provider, string sealedValue, CancellationToken cancellationToken);

    Task ForgetAsync(string @namespace, string provider, string sealedValue, CancellationToken cancellationToken);
}
