namespace FunctionsCloud.Providers.Contract;

/// <summary>
/// The user data a cloud machine boots with: it runs the same install script as a host brought by hand,
/// with the node's one-time registration token. One path for both.
/// </summary>
public static class CloudInit
{
    public const string InstallScriptPath = "/api/agent/v1/install.sh";

    public static string UserData(AgentBootstrap bootstrap) =>
        $"""
        #cloud-config
        # FunctionsCloud node: install the agent and register with the node's one-time token.
        runcmd:
          - [ sh, -c, "curl -fsSL --retry 10 --retry-connrefused {bootstrap.ApiUrl.TrimEnd('/')}{InstallScriptPath} | sh -s -- {bootstrap.RegistrationToken}" ]

        """;
}
