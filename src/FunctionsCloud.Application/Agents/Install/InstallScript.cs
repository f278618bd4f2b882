namespace FunctionsCloud.Application.Agents.Install;

/// <summary>The POSIX sh installer hosts run to become nodes, with this deployment's address written in.</summary>
public static class InstallScript
{
    private const string Placeholder = "@API_URL@";
    private static readonly Lazy<string> Template = new(Load);

    public static string Render(string publicUrl) => Template.Value.Replace(Placeholder, publicUrl.TrimEnd('/'), StringComparison.Ordinal);

    private static string Load()
    {
        using var stream = typeof(InstallScript).Assembly.GetManifestResourceStream("FunctionsCloud.install.sh")
            ?? throw new InvalidOperationException("The install script is not embedded in the application assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
