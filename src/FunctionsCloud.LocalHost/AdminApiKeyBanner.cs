using FunctionsCloud.LocalHost.Configuration;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost;

/// <summary>
/// Shows the admin API key of a local run, as lines to paste into a shell, once: when it was made for the run. At
/// later starts it names the file that keeps it (the key lives long, and terminals and their logs keep what is
/// printed). A key the user configured is theirs already and is never echoed.
/// </summary>
public static class AdminApiKeyBanner
{
    /// <summary>The run's own key: <paramref name="MadeNow"/> at the start that made it, kept in <paramref name="SecretsFile"/>.</summary>
    public sealed record RunKey(string Key, bool MadeNow, string SecretsFile);

    public static void Print(IConfiguration configuration, RunKey? runKey, TextWriter output)
    {
        var user = configuration[LocalRunSecrets.UserSetting] is { Length: > 0 } configured ? configured : "admin";
        output.WriteLine();
        if (runKey is null)
        {
            output.WriteLine($"Admin API key of user '{user}': the one in your settings (FunctionsCloud__Bootstrap__ApiKey).");
            return;
        }

        if (!runKey.MadeNow)
        {
            output.WriteLine($"Admin API key of user '{user}': the local run's own, in {runKey.SecretsFile} (\"{LocalRunSecrets.ApiKeySetting}\").");
            return;
        }

        output.WriteLine($"Admin API key made for the local run (user '{user}', kept in {runKey.SecretsFile}; shown this once); paste into another shell:");
        output.WriteLine($"  export FC_USER={user} FC_APIKEY={runKey.Key}");
        output.WriteLine();
    }
}
