using System.Globalization;

namespace FunctionsCloud.Providers.Local;

/// <summary>A local node's state directory <c>&lt;root&gt;/&lt;nodeUuid&gt;/</c>: the agent's identity, <c>agent.pid</c> and <c>agent.log</c>.</summary>
public sealed class LocalNodeDirectory(string root, Guid nodeUuid)
{
    public const string PidFileName = "agent.pid";
    public const string LogFileName = "agent.log";

    public Guid NodeUuid { get; } = nodeUuid;

    public string Path { get; } = System.IO.Path.Combine(root, nodeUuid.ToString("D"));

    public string PidFile => System.IO.Path.Combine(Path, PidFileName);

    public string LogFile => System.IO.Path.Combine(Path, LogFileName);

    public bool Exists => Directory.Exists(Path);

    public void Create()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path);
        }
        else
        {
            Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The pid recorded for the agent, or null.</summary>
    public int? ReadPid() => LocalProcesses.ReadPid(PidFile);

    /// <summary>Records the agent's pid (written to a temporary file, then renamed).</summary>
    public void WritePid(int pid)
    {
        var temporary = PidFile + ".tmp";
        File.WriteAllText(temporary, pid.ToString(CultureInfo.InvariantCulture) + "\n");
        File.Move(temporary, PidFile, overwrite: true);
    }

    public void Delete()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
