using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FunctionsCloud.Agent.Identity;

/// <summary>
/// Keeps the node identity in <c>identity.json</c> in the state directory, and the host key in <c>host.key</c>:
/// readable by the owner only (0600), written whole or not at all (temporary file, flushed, then renamed over the old one).
/// </summary>
public sealed class IdentityStore(string stateDir)
{
    public const string FileName = "identity.json";

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string FilePath { get; } = Path.Combine(stateDir, FileName);

    public bool Exists => File.Exists(FilePath);

    /// <summary>The stored identity, or null when there is none yet.</summary>
    /// <exception cref="InvalidDataException">The file exists but does not hold an identity.</exception>
    public NodeIdentity? Load()
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(FilePath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        NodeIdentity? identity;
        try
        {
            identity = JsonSerializer.Deserialize<NodeIdentity>(content);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{FilePath} is not a valid identity file ({ex.Message}). Remove it and register the host again with a new token.", ex);
        }

        if (identity is null || identity.Uuid == Guid.Empty || string.IsNullOrEmpty(identity.NodeSecret))
        {
            throw new InvalidDataException($"{FilePath} lacks the node uuid or secret. Remove it and register the host again with a new token.");
        }

        return identity;
    }

    /// <summary>Creates the state directory if needed and proves it writable, before a one-time token is spent on registering.</summary>
    /// <exception cref="InvalidOperationException">The directory cannot be created or written.</exception>
    public void EnsureWritable()
    {
        var probe = Path.Combine(stateDir, $".write-test.{Guid.NewGuid():N}");
        try
        {
            CreateDirectory();
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The state directory {stateDir} cannot be written ({ex.Message}); the node identity could not be kept.", ex);
        }
    }

    public void Save(NodeIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        WriteWhole(FilePath, stream => JsonSerializer.Serialize(stream, identity));
    }

    /// <summary>
    /// The random key that names this host to the control plane, made once before the first registration attempt and
    /// kept: a retry after a lost answer (even by a restarted agent) sends the same key and gets the same node again.
    /// </summary>
    public string LoadOrCreateHostKey()
    {
        var path = Path.Combine(stateDir, HostKeyFileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= HostKeyMinLength } stored)
        {
            return stored;
        }

        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        WriteWhole(path, stream => stream.Write(Encoding.ASCII.GetBytes(key)));
        return key;
    }

    public const string HostKeyFileName = "host.key";

    private const int HostKeyMinLength = 32;

    private void WriteWhole(string path, Action<Stream> write)
    {
        CreateDirectory();
        var temporary = Path.Combine(stateDir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerReadWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, OwnerReadWrite);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private void CreateDirectory()
    {
        if (Directory.Exists(stateDir))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(stateDir);
        }
        else
        {
            Directory.CreateDirectory(stateDir, OwnerOnlyDirectory);
        }
    }
}
