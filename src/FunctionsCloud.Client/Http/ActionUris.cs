using System.Text.RegularExpressions;

namespace FunctionsCloud.Client.Http;

/// <summary>Where actions are, and how to pick one out of a message that names it.</summary>
public static partial class ActionUris
{
    public const string Collection = "/api/audit/v1/action/";

    public static string? FindIn(string text) => Pattern().Match(text) is { Success: true } m ? m.Value : null;

    /// <summary>The uuid of <c>/api/audit/v1/action/&lt;uuid&gt;/</c>, for links of the dashboard's own.</summary>
    public static string Uuid(string actionUri) => actionUri.TrimEnd('/').Split('/')[^1];

    [GeneratedRegex("/api/audit/v1/action/[0-9a-f-]{36}/")]
    private static partial Regex Pattern();
}
