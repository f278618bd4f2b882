namespace FunctionsCloud.LocalHost.Configuration;

/// <summary>The repository root: the nearest directory, walking up, that holds FunctionsCloud.sln.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "FunctionsCloud.sln";

    public static string? Find(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return dir.FullName;
        }

        return null;
    }
}
