using FunctionsCloud.Providers.Local;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.LocalRun;

/// <summary>
/// The local run's state folder, which outlives the process so that a restart loses nothing: Azurite's data (tables,
/// queues, blobs: the app's state and the durable task hub), the local nodes' state directories (their agents'
/// identities, pid files and logs), and the keys made for the run when the settings name none.
/// </summary>
public sealed class LocalRunState(string path)
{
    /// <summary>Overrides the folder (as the environment variable LocalHost__StateDirectory).</summary>
    public const string Setting = "LocalHost:StateDirectory";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string AzuriteData => System.IO.Path.Combine(Path, "azurite");

    public string Nodes => System.IO.Path.Combine(Path, "nodes");

    public string SecretsFile => System.IO.Path.Combine(Path, "secrets.json");

    /// <summary>Where the Azurite started for the run records its pid (to be stopped by a clean start if a killed run left it).</summary>
    public string AzuritePidFile => Azurite.AzuriteLauncher.PidFile(AzuriteData);

    /// <summary>The configured folder, else <c>$XDG_DATA_HOME/functionscloud/local-run</c> (<c>~/.local/share/...</c>).</summary>
    public static LocalRunState From(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return new LocalRunState(configured);
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return new LocalRunState(System.IO.Path.Combine(dataHome, "functionscloud", "local-run"));
    }

    /// <summary>Creates the folder, readable by its owner only (it holds keys).</summary>
    public void Create()
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(Path);
        else
            Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>
    /// The settings with the state folder's defaults under them: the local nodes' state directories in <see cref="Nodes"/>
    /// unless the settings name another, and whether the agents stay running when the run exits.
    /// </summary>
    public IConfiguration Apply(IConfiguration settings, bool leaveRunning)
    {
        var defaults = new Dictionary<string, string?> { [$"{LocalNodeProviderOptions.SectionName}:{nameof(LocalNodeProviderOptions.LeaveRunningOnExit)}"] = leaveRunning ? "true" : "false" };
        var stateRoot = $"{LocalNodeProviderOptions.SectionName}:{nameof(LocalNodeProviderOptions.StateRoot)}";
        if (string.IsNullOrWhiteSpace(settings[stateRoot]))
            defaults[stateRoot] = Nodes;
        return new ConfigurationBuilder().AddConfiguration(settings).AddInMemoryCollection(defaults).Build();
    }

    public void Delete()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
