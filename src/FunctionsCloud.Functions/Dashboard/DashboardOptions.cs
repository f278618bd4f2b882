namespace FunctionsCloud.Functions.Dashboard;

/// <summary>The settings under "FunctionsCloud:Dashboard" (app settings "FunctionsCloud__Dashboard__...").</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "FunctionsCloud:Dashboard";

    /// <summary>The folder of the dashboard's published static files (its wwwroot). Default: <c>dashboard</c> beside the function app.</summary>
    public string? Root { get; set; }

    /// <summary>The root as a full path without a trailing separator.</summary>
    public string ResolveRoot() =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(string.IsNullOrWhiteSpace(Root) ? Path.Combine(AppContext.BaseDirectory, "dashboard") : Root));
}
