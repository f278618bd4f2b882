namespace FunctionsCloud.Providers.Aws;

/// <summary>Settings of the <c>aws</c> provider, bound from <c>FunctionsCloud:Providers:Aws</c>.</summary>
public sealed class AwsProviderOptions
{
    public const string SectionName = "FunctionsCloud:Providers:Aws";

    /// <summary>
    /// Sends every EC2 call to this endpoint instead of the region's (tests point it at a loopback fake).
    /// Null in production: each region's own endpoint is used.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// The machine image per region (region name → AMI id). Any region may be overridden or added in
    /// configuration, e.g. <c>FunctionsCloud:Providers:Aws:ImageIds:eu-west-1 = ami-…</c>.
    /// The defaults are Debian's official Debian 12 (bookworm) amd64 image <c>debian-12-amd64-20241201-1948</c>,
    /// published by Debian (owner 136693071363), for the catalog regions whose id we could confirm; the other
    /// catalog regions (eu-west-1, eu-central-1, ap-southeast-1) must be configured before nodes can be made there.
    /// Any image with cloud-init, curl and a root device at <see cref="RootDeviceName"/> works (Debian 12, Ubuntu 24.04).
    /// </summary>
    public Dictionary<string, string> ImageIds { get; set; } = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = "ami-0c2a1f58a3414ec50",
        ["us-west-2"] = "ami-087669cf9d44ccdde",
    };

    /// <summary>The image's root device, whose size is the cluster's disk. Debian's images use /dev/xvda, Ubuntu's /dev/sda1.</summary>
    public string RootDeviceName { get; set; } = "/dev/xvda";

    /// <summary>The EBS volume type of the root disk.</summary>
    public string VolumeType { get; set; } = "gp3";

    /// <summary>Attempts per EC2 call on throttling and transient failures (the SDK's own retries are off).</summary>
    public int RetryAttempts { get; set; } = 5;

    /// <summary>The first backoff; each further attempt doubles it, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The region of the cheap authenticated call that validates an account.</summary>
    public string ValidationRegion { get; set; } = "us-east-1";

    /// <summary>How many per-instance CreateTags calls run at once after a launch.</summary>
    public int TaggingConcurrency { get; set; } = 8;
}
