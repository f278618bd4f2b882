using FunctionsCloud.Client.Http;

namespace FunctionsCloud.Cli.Configuration;

/// <summary>Where the API is and who calls it: what <c>fc login</c> stores.</summary>
public sealed record CliCredentials(string Url, string User, string ApiKey)
{
    public BasicCredentials Basic => new(User, ApiKey);

    /// <summary>Never the key: this ends up in messages.</summary>
    public override string ToString() => $"{User} at {Url}";
}
