namespace FunctionsCloud.Agent.Tests.Support;

/// <summary>The dotnet executable running these tests (DOTNET_HOST_PATH is set by the SDK), else dotnet on PATH.</summary>
public static class DotnetHost
{
    public static string Path
    {
        get
        {
            var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
            {
                return fromSdk;
            }

            var current = Environment.ProcessPath;
            return current is not null && System.IO.Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        }
    }
}
