namespace FunctionsCloud.Testing.Docker;

/// <summary>
/// The Docker engine and test image the container tests need. When no engine answers, the repository's set-up
/// script (.ci/docker) is run once to install and start one and build the image; if that fails, so do the tests.
/// </summary>
public static class DockerEngine
{
    public const string TestImage = "functionscloud/busybox:latest";

    private static readonly Lazy<Task> Ready = new(EnsureAsync);

    public static Task EnsureReadyAsync() => Ready.Value;

    private static async Task EnsureAsync()
    {
        if (await AnswersAsync() && await HasImageAsync())
            return;
        var script = Path.Combine(RepositoryRoot(), ".ci", "docker");
        var (exitCode, output) = await ProcessRunner.RunAsync("bash", script);
        if (exitCode != 0 || !await AnswersAsync() || !await HasImageAsync())
            throw new InvalidOperationException($"No Docker engine with the image {TestImage}; {script} said ({exitCode}): {output}");
    }

    private static async Task<bool> AnswersAsync() => await TryAsync("info");

    private static async Task<bool> HasImageAsync() => await TryAsync("image", "inspect", TestImage);

    private static async Task<bool> TryAsync(params string[] arguments)
    {
        try
        {
            return (await DockerCli.RunAsync(arguments)).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no docker command at all
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FunctionsCloud.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("The repository root (FunctionsCloud.sln) is not above the test's folder.");
    }
}
