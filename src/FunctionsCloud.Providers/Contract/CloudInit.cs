namespace FunctionsCloud.Providers.Contract;

/// <summary>
/// The user data a cloud machine boots with: it runs the same install script as a host brought by hand,
/// with the node's one-time registration token. One path for both.
/// </summary>
public static class CloudInit
{
    public const string InstallScriptPath = "/api/agent/v1/install.sh";

    /// <param name="preamble">Comment lines (each ending in a newline) to put at the top.</param>
    /// <param name="runFirst">runcmd entries (YAML at the list's indentation, each ending in a newline) to run before the install.</param>
    public static string UserData(AgentBootstrap bootstrap, string preamble = "", string runFirst = "") =>
        $"""
        #cloud-config
        {preamble}# FunctionsCloud node: install the agent and register with the node's one-time token.
        runcmd:
        {runFirst}  - [ sh, -c, "curl -fsSL --retry 10 --retry-connrefused {bootstrap.ApiUrl.TrimEnd('/')}{InstallScriptPath} | sh -s -- {bootstrap.RegistrationToken}" ]

        """;
}
