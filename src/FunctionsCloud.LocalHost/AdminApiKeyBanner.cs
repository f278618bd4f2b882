using FunctionsCloud.LocalHost.Configuration;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost;

/// <summary>
/// Shows the admin API key of a local run, as lines to paste into a shell. A key made for the local run (and kept
/// in its state folder) is shown; a key the user configured is theirs already and is never echoed.
/// </summary>
public static class AdminApiKeyBanner
{
    public static void Print(IConfiguration configuration, string? generatedApiKey, TextWriter output)
    {
        var user = configuration[LocalRunSecrets.UserSetting] is { Length: > 0 } configured ? configured : "admin";
        output.WriteLine();
        if (generatedApiKey is null)
        {
            output.WriteLine($"Admin API key of user '{user}': the one in your settings (FunctionsCloud__Bootstrap__ApiKey).");
            return;
        }

        output.WriteLine($"Admin API key made for the local run (user '{user}', kept with its state); paste into another shell:");
        output.WriteLine($"  export FC_USER={user} FC_APIKEY={generatedApiKey}");
        output.WriteLine();
    }
}
