using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.Storage.Connection;

/// <summary>
/// The app's table names: a prefix (setting <c>FunctionsCloud:TablePrefix</c>, default "fc") before each,
/// so several installations or test runs can share one account.
/// </summary>
public sealed record TableNames
{
    public const string PrefixSetting = "FunctionsCloud:TablePrefix";
    public const string DefaultPrefix = "fc";
    // Table names are at most 63 characters; leave room for the longest suffix.
    private const int MaxPrefixLength = 63 - 18;

    public TableNames(string prefix)
    {
        // Table names must be alphanumeric and start with a letter.
        if (string.IsNullOrEmpty(prefix) || prefix.Length > MaxPrefixLength || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"Table prefix '{prefix}' must be 1 to {MaxPrefixLength} ASCII letters and digits, starting with a letter.", nameof(prefix));
        Prefix = prefix;
    }

    public string Prefix { get; }
    public string NodeClusters => Prefix + "NodeClusters";
    public string Nodes => Prefix + "Nodes";
    public string Actions => Prefix + "Actions";
    public string ApiKeys => Prefix + "ApiKeys";
    public string Accounts => Prefix + "Accounts";
    public string Liveness => Prefix + "Liveness";
    public string Events => Prefix + "Events";
    public string Changes => Prefix + "Changes";
    public string RegistrationTokens => Prefix + "RegistrationTokens";
    public string ProviderAccounts => Prefix + "ProviderAccounts";
    public string Repositories => Prefix + "Repositories";
    public string Services => Prefix + "Services";
    public string Stacks => Prefix + "Stacks";
    public string Containers => Prefix + "Containers";
    public string Triggers => Prefix + "Triggers";
    public string TriggerSecrets => Prefix + "TriggerSecrets";
    public string TriggerCalls => Prefix + "TriggerCalls";
    public string CommandReceipts => Prefix + "CommandReceipts";

    public static TableNames FromConfiguration(IConfiguration configuration)
    {
        var prefix = configuration[PrefixSetting];
        return new TableNames(string.IsNullOrWhiteSpace(prefix) ? DefaultPrefix : prefix);
    }
}
