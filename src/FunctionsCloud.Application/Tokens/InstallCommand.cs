namespace FunctionsCloud.Application.Tokens;

/// <summary>The one line a user pastes on a host to make it a node.</summary>
public static class InstallCommand
{
    public const string ScriptPath = "/api/agent/v1/install.sh";

    public static string For(string publicUrl, string token) =>
        $"curl -fsSL {publicUrl.TrimEnd('/')}{ScriptPath} | sudo sh -s -- {token}";
}
