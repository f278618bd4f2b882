namespace FunctionsCloud.LocalHost;

/// <summary>
/// HOOK FOR THE LEAD: printed right after the function listing on a local run. Put the admin API key output here
/// (e.g. resolve the bootstrap service from <see cref="LocalFunctionsHost.Services"/> and write the key once).
/// </summary>
public static class AdminApiKeyBanner
{
    public static Task PrintAsync(LocalFunctionsHost host, TextWriter output, CancellationToken cancellationToken)
    {
        _ = host;
        _ = output;
        _ = cancellationToken;
        return Task.CompletedTask; // nothing to print yet
    }
}
