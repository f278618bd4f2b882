using FunctionsCloud.Cli.Runtime;

namespace FunctionsCloud.Cli.Configuration;

/// <summary>
/// The credentials a command uses: <c>FC_URL</c>, <c>FC_USER</c> and <c>FC_APIKEY</c> where set (scripts and CI),
/// each over what <c>fc login</c> stored.
/// </summary>
public sealed class CredentialSource(CliEnvironment environment)
{
    public const string UrlVariable = "FC_URL";
    public const string UserVariable = "FC_USER";
    public const string ApiKeyVariable = "FC_APIKEY";

    public ConfigFile File { get; } = new(environment.ConfigDirectory);

    /// <exception cref="CliException">Some part is neither set nor stored.</exception>
    public CliCredentials Resolve()
    {
        var stored = File.Read();
        var url = Pick(UrlVariable, stored?.Url);
        var user = Pick(UserVariable, stored?.User);
        var key = Pick(ApiKeyVariable, stored?.ApiKey);
        if (url is null || user is null || key is null)
            throw new CliException(ExitCodes.Unauthorized,
                $"Not logged in: run `fc login`, or set {UrlVariable}, {UserVariable} and {ApiKeyVariable}.");
        return new CliCredentials(url, user, key);
    }

    private string? Pick(string variable, string? stored) =>
        environment.Variable(variable) is { Length: > 0 } value ? value : string.IsNullOrEmpty(stored) ? null : stored;
}
