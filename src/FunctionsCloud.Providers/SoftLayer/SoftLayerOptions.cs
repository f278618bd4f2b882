using FunctionsCloud.Providers.Http;

namespace FunctionsCloud.Providers.SoftLayer;

/// <summary>Settings of the <c>softlayer</c> provider (IBM Cloud classic), bound from <c>FunctionsCloud:Providers:SoftLayer</c>.</summary>
public sealed class SoftLayerOptions
{
    public const string SectionName = "FunctionsCloud:Providers:SoftLayer";

    /// <summary>The REST API root; service paths are resolved beneath it.</summary>
    public string ApiUrl { get; set; } = "https://api.softlayer.com/rest/v3.1/";

    /// <summary>The domain of every virtual guest; with its hostname it makes the guest's name.</summary>
    public string Domain { get; set; } = "functionscloud.local";

    /// <summary>The operating system reference code guests boot (it needs cloud-init to run the user data).</summary>
    public string OperatingSystem { get; set; } = "DEBIAN_12_64";

    /// <summary>Guests per createObjects call; a refused call fails only its own guests.</summary>
    public int CreateBatchSize { get; set; } = 10;

    public ProviderHttpPolicy Http { get; set; } = new();

    public int EffectiveBatchSize => Math.Max(1, CreateBatchSize);
}
