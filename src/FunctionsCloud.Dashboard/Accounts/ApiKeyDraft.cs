using FunctionsCloud.Client.Requests;
using FunctionsCloud.Dashboard.Session;

namespace FunctionsCloud.Dashboard.Accounts;

/// <summary>The new-key form as typed, and the request it makes (an empty role or lifetime leaves it to the API's default).</summary>
public sealed class ApiKeyDraft
{
    /// <summary>The lifetimes offered, in seconds (null: the key does not expire); the API takes 60 s to 366 days.</summary>
    public static IReadOnlyList<(string Name, int? Seconds)> Lifetimes { get; } =
        [("Never", null), ("1 hour", 3600), ("1 day", 86_400), ("30 days", 2_592_000), ("90 days", 7_776_000), ("1 year", 31_536_000)];

    public static IReadOnlyList<string> Roles { get; } = [Access.ReadOnly, Access.Operator, Access.Admin];

    public string Label { get; set; } = "";

    /// <summary>"": the role of the key that makes it.</summary>
    public string Role { get; set; } = "";

    /// <summary>Seconds as text; "": never expires.</summary>
    public string Lifetime { get; set; } = "";

    public CreateApiKeyRequest ToRequest() =>
        new(Label.Trim(), Role.Length == 0 ? null : Role, int.TryParse(Lifetime, out var seconds) ? seconds : null);
}
