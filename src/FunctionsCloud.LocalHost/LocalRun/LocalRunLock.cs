namespace FunctionsCloud.LocalHost.LocalRun;

/// <summary>
/// One local run per state folder. Two would share the worker id (the machine's name) and so the durable task hub's
/// partitions, and run the same orchestrations before the second failed to bind its port. An exclusive lock on a
/// file beside the folder (beside, so that a clean start may delete the folder) is taken before anything else; the
/// system drops it when the process ends, however it ends.
/// </summary>
public sealed class LocalRunLock : IDisposable
{
    private readonly FileStream _file;

    private LocalRunLock(FileStream file) => _file = file;

    public static string FileOf(LocalRunState state) => state.Path + ".lock";

    /// <summary>The lock, holding this process's id; null when another process holds it.</summary>
    public static LocalRunLock? TryTake(LocalRunState state)
    {
        var path = FileOf(state);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }

        file.SetLength(0);
        using (var writer = new StreamWriter(file, leaveOpen: true))
            writer.WriteLine(Environment.ProcessId);
        return new LocalRunLock(file);
    }

    public void Dispose() => _file.Dispose();
}
