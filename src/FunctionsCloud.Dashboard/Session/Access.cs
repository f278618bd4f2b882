using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Dashboard.Session;

/// <summary>
/// What the signed-in key may do, as <c>/api/account/v1/me/</c> says. Pages disable what it may not and say why; until
/// it is known, nothing that changes anything is offered (the API would refuse it anyway).
/// </summary>
public sealed record Access(Me? Me)
{
    public const string ReadOnly = "read-only";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static Access Unknown { get; } = new((Me?)null);

    public bool Allows(string role) => Me is not null && Rank(Me.Role) >= Rank(role);

    /// <summary>Why the key may not do what needs <paramref name="role"/>, or null when it may.</summary>
    public string? Refusal(string role) =>
        Allows(role) ? null : Me is null ? "checking what your key may do" : $"needs the {role} role";

    /// <summary>Whether the key may make and remove users and organizations.</summary>
    public bool IsInstallationAdmin => Me is { IsInstallationAdmin: true, Role: Admin };

    private static int Rank(string role) => role switch { Admin => 2, Operator => 1, _ => 0 };
}
