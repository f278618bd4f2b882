using System.Text;

namespace FunctionsCloud.Agent.Containers;

/// <summary>
/// The engine's name for a container: its FunctionsCloud name (e.g. web-1) and its uuid, so that containers of the
/// same name on several local nodes sharing one engine never collide.
/// </summary>
public static class DockerNames
{
    public static string For(string name, Guid uuid)
    {
        ArgumentNullException.ThrowIfNull(name);
        var readable = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            readable.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-');
        }

        // The engine wants a letter or digit first.
        var prefix = readable.Length > 0 && char.IsAsciiLetterOrDigit(readable[0]) ? readable.ToString() : "c" + readable;
        return $"{prefix}-{uuid:N}";
    }
}
