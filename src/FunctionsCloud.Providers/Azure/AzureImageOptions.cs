namespace FunctionsCloud.Providers.Azure;

/// <summary>A marketplace image. Default: Ubuntu Server 24.04 LTS (generation 2), which runs cloud-init from custom data.</summary>
public sealed class AzureImageOptions
{
    public string Publisher { get; set; } = "Canonical";

    public string Offer { get; set; } = "ubuntu-24_04-lts";

    public string Sku { get; set; } = "server";

    public string Version { get; set; } = "latest";
}
