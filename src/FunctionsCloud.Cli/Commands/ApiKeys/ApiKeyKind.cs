using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Resources;
using FunctionsCloud.Client;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.ApiKeys;

/// <summary>
/// The caller's API keys, named by label, uuid or uuid prefix. The API lists a user's keys whole (a user has at most a
/// hundred) and filters them by label only, so a key is found among the list rather than by a query.
/// </summary>
public static class ApiKeyKind
{
    public static readonly TableView<ApiKey> View = new(k => k.Uuid.ToString("D"),
    [
        new("LABEL", k => k.Label),
        new("UUID", k => Formats.Short(k.Uuid)),
        new("ROLE", k => k.Role),
        new("NAMESPACE", k => k.Namespace),
        new("CREATED", (k, now) => Formats.Ago(k.CreatedDatetime, now)),
        new("LAST USED", (k, now) => Formats.Ago(k.LastUsedDatetime, now)),
        new("EXPIRES", k => k.ExpiresDatetime?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "never"),
    ]);

    public static readonly ResourceKind<ApiKey> Kind = new(
        "apikey", client => client.ApiKeys, k => k.Uuid, k => k.ResourceUri, k => k.Label, k => k.Role, View, "ci-pipeline");

    public static async Task<ApiKey> ResolveAsync(FunctionsCloudClient client, string identifier, CancellationToken cancellationToken)
    {
        var keys = await client.ApiKeys.ListAllAsync(cancellationToken: cancellationToken);
        var matches = keys.Where(k =>
            k.Uuid.ToString("D").StartsWith(identifier, StringComparison.OrdinalIgnoreCase)
            || string.Equals(k.Label, identifier, StringComparison.OrdinalIgnoreCase)).ToList();
        return IdentifierResolver.Choose(Kind, identifier, matches);
    }
}
