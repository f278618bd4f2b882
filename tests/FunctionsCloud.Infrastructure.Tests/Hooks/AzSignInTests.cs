namespace FunctionsCloud.Infrastructure.Tests.Hooks;

/// <summary>
/// The hooks check `az` first and fail at once with the command to run when it is missing or signed out, instead
/// of building for minutes and then retrying for five; only a refusal for want of a role is tried again.
/// </summary>
public sealed class AzSignInTests : IDisposable
{
    private const string SignedOut = "echo \"ERROR: Please run 'az login' to setup account.\" >&2; exit 1";
    private readonly HookShell _shell = new();

    public static TheoryData<string, string> Hooks() => new()
    {
        { "infra/hooks/publish-agent-builds.sh", "postprovision" },
        { "infra/hooks/find-stored-secrets.sh", "preprovision" },
    };

    private static (string, string)[] AzdEnvironment =>
    [
        ("AZURE_STORAGE_ACCOUNT_NAME", "stabc"), ("AZURE_ENV_NAME", "dev"),
        ("AZURE_SUBSCRIPTION_ID", "00000000-0000-0000-0000-000000000000"), ("AZURE_TENANT_ID", "tenant-1"),
    ];

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Without_az_the_hook_fails_at_once_saying_to_install_it(string hook, string name)
    {
        // Nothing on PATH but what the hook needs before its check: no az, and no dotnet to build with.
        _shell.Allow("dirname");

        var result = _shell.Run($"/bin/sh {hook}", _shell.Stubs, AzdEnvironment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("The Azure CLI (az) is not installed", result.Error);
        Assert.Contains($"run 'az login', then 'azd hooks run {name}'", result.Error);
        Assert.DoesNotContain("Building", result.Output);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Signed_out_the_hook_fails_at_once_saying_to_run_az_login(string hook, string name)
    {
        _shell.Allow("dirname");
        _shell.Stub("az", $"echo \"$*\" >> \"{_shell.Stubs}/calls.log\"; {SignedOut}");

        var result = _shell.Run($"/bin/sh {hook}", _shell.Stubs, AzdEnvironment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"The Azure CLI is not signed in. Run 'az login' --tenant tenant-1 as the principal azd deployed as, then 'azd hooks run {name}'.", result.Error);
        Assert.Equal(["account show --only-show-errors --output none"], _shell.Calls);
        Assert.DoesNotContain("Building", result.Output);
    }

    [Fact]
    public void Signed_in_the_check_passes()
    {
        _shell.Stub("az", "exit 0");

        var result = _shell.Run(". infra/hooks/az.sh && require_az_signed_in postprovision && echo checked", _shell.StubsThenSystem);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("checked", result.Output.Trim());
    }

    [Fact]
    public void A_refusal_for_want_of_a_role_is_tried_again_until_the_role_takes_effect()
    {
        // Refused twice, as while a role assignment propagates, then done.
        _shell.Stub("az", $"""
            echo "$*" >> "{_shell.Stubs}/calls.log"
            if [ "$(wc -l < "{_shell.Stubs}/calls.log")" -le 2 ]; then
              echo "ERROR: This request is not authorized to perform this operation using this permission. ErrorCode:AuthorizationPermissionMismatch" >&2
              exit 1
            fi
            """);

        var result = _shell.Run(". infra/hooks/az.sh && az_once_authorized storage blob upload --name a", _shell.StubsThenSystem,
            ("FUNCTIONSCLOUD_ROLE_WAIT_SECONDS", "0"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, _shell.Calls.Count);
        Assert.Contains("Refused for want of a role", result.Error);
    }

    [Fact]
    public void Any_other_failure_is_final_at_once()
    {
        _shell.Stub("az", $"""echo "$*" >> "{_shell.Stubs}/calls.log"; echo "ERROR: The specified container does not exist." >&2; exit 1""");

        var result = _shell.Run(". infra/hooks/az.sh && az_once_authorized storage blob upload --name a", _shell.StubsThenSystem,
            ("FUNCTIONSCLOUD_ROLE_WAIT_SECONDS", "0"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Single(_shell.Calls);
        Assert.Contains("The specified container does not exist.", result.Error);
        Assert.DoesNotContain("Refused for want of a role", result.Error);
    }

    [Fact]
    public void A_role_that_never_takes_effect_fails_after_the_set_number_of_tries()
    {
        _shell.Stub("az", $"""echo "$*" >> "{_shell.Stubs}/calls.log"; echo "(Forbidden) Caller is not authorized to perform action on resource." >&2; exit 1""");

        var result = _shell.Run(". infra/hooks/az.sh && az_once_authorized keyvault secret list", _shell.StubsThenSystem,
            ("FUNCTIONSCLOUD_ROLE_WAIT_SECONDS", "0"), ("FUNCTIONSCLOUD_ROLE_TRIES", "3"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(3, _shell.Calls.Count);
    }

    public void Dispose() => _shell.Dispose();
}
