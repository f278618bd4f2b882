using System.Net;
using System.Text.RegularExpressions;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client.Http;
using FunctionsCloud.Client.Operations;

namespace FunctionsCloud.Cli.Resources;

/// <summary>
/// Finds the one object a person means, as Docker Cloud's CLI did: a full uuid is read directly; anything else is
/// looked up as a uuid prefix (<c>?uuid__startswith=</c>) and as a name (<c>?name=</c>). Ended objects give way to
/// live ones (names are reused); more than one match, or none, is an error that says so.
/// </summary>
public static partial class IdentifierResolver
{
    public static async Task<T> ResolveAsync<T>(ResourceKind<T> kind, ResourceClient<T> client, string identifier, CancellationToken cancellationToken)
    {
        if (Guid.TryParseExact(identifier, "D", out var uuid))
            return await ReadAsync(kind, client, uuid, cancellationToken);

        var matches = new List<T>();
        if (UuidPrefix().IsMatch(identifier))
            matches.AddRange(await client.ListAllAsync(Filter("uuid__startswith", identifier.ToLowerInvariant()), cancellationToken));
        if (kind.Name is not null)
            matches.AddRange(await client.ListAllAsync(Filter("name", identifier), cancellationToken));
        return Choose(kind, identifier, matches.DistinctBy(kind.Uuid).ToList());
    }

    public static T Choose<T>(ResourceKind<T> kind, string identifier, IReadOnlyList<T> matches)
    {
        var live = matches.Where(m => kind.State(m) != ResourceKind<T>.Terminated).ToList();
        var candidates = live.Count > 0 ? live : matches;
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw NotFound(kind, identifier),
            _ => throw new CliException(ExitCodes.Ambiguous,
                $"'{identifier}' matches {candidates.Count} {kind.Noun}s: {string.Join(", ", candidates.Select(kind.Describe))}. Give more of the uuid."),
        };
    }

    private static async Task<T> ReadAsync<T>(ResourceKind<T> kind, ResourceClient<T> client, Guid uuid, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetAsync($"{client.Collection}{uuid:D}/", cancellationToken);
        }
        catch (ApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            throw NotFound(kind, uuid.ToString("D"));
        }
    }

    private static CliException NotFound<T>(ResourceKind<T> kind, string identifier) =>
        new(ExitCodes.NotFound, $"No {kind.Noun} '{identifier}': name it by {(kind.Name is null ? "" : "name, ")}uuid or uuid prefix.");

    private static Dictionary<string, string> Filter(string field, string value) => new() { [field] = value };

    [GeneratedRegex("^[0-9a-fA-F-]{1,36}$")]
    private static partial Regex UuidPrefix();
}
