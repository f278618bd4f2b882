namespace FunctionsCloud.Application.Authentication;

/// <summary>Only the installation's administrators (users marked <c>is_admin</c>, the bootstrap key) make and remove users and organizations (403).</summary>
public sealed class InstallationAdminRequiredException(string what)
    : Exception($"{what} needs an administrator of the installation (a user with is_admin) and an admin key.");
