using System.Text.Json;

namespace FunctionsCloud.Cli.Configuration;

/// <summary>
/// The stored login, <c>config.json</c> in the user's config folder (<c>$XDG_CONFIG_HOME/functionscloud</c>, else
/// <c>~/.config/functionscloud</c>). It holds an API key, so the folder is 0700 and the file 0600 from the moment
/// they exist: the file is written beside its place with those permissions and then moved over it.
/// </summary>
public sealed class ConfigFile(string directory)
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    public string Path { get; } = System.IO.Path.Combine(directory, "config.json");

    /// <summary>What is stored; null when nothing is (or the file cannot be read as a login).</summary>
    public StoredConfigValues? Read()
    {
        if (!File.Exists(Path))
            return null;
        try
        {
            var stored = JsonSerializer.Deserialize(File.ReadAllText(Path), ConfigJson.Default.StoredConfig);
            return stored is null ? null : new StoredConfigValues(stored.Url, stored.User, stored.ApiKey);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Write(CliCredentials credentials)
    {
        CreateFolder();
        var temporary = Path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnlyFile;
        using (var stream = new FileStream(temporary, options))
            JsonSerializer.Serialize(stream, new StoredConfig(credentials.Url, credentials.User, credentials.ApiKey), ConfigJson.Default.StoredConfig);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, OwnerOnlyFile); // a .tmp left by an interrupted run keeps its old mode otherwise
        File.Move(temporary, Path, overwrite: true);
    }

    private void CreateFolder()
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
    }
}

/// <summary>A stored login as read: any field may be missing.</summary>
public sealed record StoredConfigValues(string? Url, string? User, string? ApiKey);
