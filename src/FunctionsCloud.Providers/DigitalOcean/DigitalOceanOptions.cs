using FunctionsCloud.Providers.Http;

namespace FunctionsCloud.Providers.DigitalOcean;

/// <summary>Settings of the <c>digitalocean</c> provider, bound from <c>FunctionsCloud:Providers:DigitalOcean</c>.</summary>
public sealed class DigitalOceanOptions
{
    public const string SectionName = "FunctionsCloud:Providers:DigitalOcean";

    /// <summary>DigitalOcean's API limit on names in one create call.</summary>
    public const int MaxNamesPerCreate = 10;

    /// <summary>The API root; v2 paths are resolved beneath it.</summary>
    public string ApiUrl { get; set; } = "https://api.digitalocean.com/";

    /// <summary>The image slug droplets boot (it needs cloud-init with Jinja, as DigitalOcean's Debian and Ubuntu images have).</summary>
    public string Image { get; set; } = "debian-12-x64";

    /// <summary>SSH key ids or fingerprints of the account put on every droplet, for an operator's access.</summary>
    public IList<string> SshKeys { get; } = [];

    /// <summary>
    /// Droplets per create call, 1 to 10. Droplets of one call share one user data that holds each one's registration
    /// token, which each can read from its metadata; 1 gives every droplet only its own, at one call per droplet.
    /// </summary>
    public int CreateBatchSize { get; set; } = MaxNamesPerCreate;

    public ProviderHttpPolicy Http { get; set; } = new();

    public int EffectiveBatchSize => Math.Clamp(CreateBatchSize, 1, MaxNamesPerCreate);
}
