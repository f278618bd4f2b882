using FunctionsCloud.Cli.Configuration;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Cli.Tests.Support;

namespace FunctionsCloud.Cli.Tests.Configuration;

public sealed class ConfigFileTests : IDisposable
{
    private readonly Fc fc = new();

    [Fact]
    public void The_stored_login_is_readable_by_its_owner_only()
    {
        var file = new ConfigFile(fc.ConfigDirectory);
        file.Write(new CliCredentials("http://127.0.0.1:7071", "admin", "fck_secret"));

        Assert.Equal(new StoredConfigValues("http://127.0.0.1:7071", "admin", "fck_secret"), file.Read());
        if (OperatingSystem.IsWindows())
            return;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(fc.ConfigDirectory));
    }

    [Fact]
    public void Writing_again_over_a_file_that_others_could_read_makes_it_owner_only()
    {
        if (OperatingSystem.IsWindows())
            return;
        var file = new ConfigFile(fc.ConfigDirectory);
        file.Write(new CliCredentials("http://a", "u", "k1"));
        File.SetUnixFileMode(file.Path, (UnixFileMode)0b110_100_100); // 0644

        file.Write(new CliCredentials("http://a", "u", "k2"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        Assert.Equal("k2", file.Read()!.ApiKey);
    }

    [Fact]
    public void Environment_variables_override_the_stored_login_one_by_one()
    {
        new ConfigFile(fc.ConfigDirectory).Write(new CliCredentials("http://stored", "stored-user", "stored-key"));
        fc.Variables[CredentialSource.UrlVariable] = "http://from-env";
        fc.Variables[CredentialSource.ApiKeyVariable] = "env-key";

        var credentials = Source().Resolve();

        Assert.Equal(new CliCredentials("http://from-env", "stored-user", "env-key"), credentials);
        Assert.DoesNotContain("env-key", credentials.ToString());
        Assert.DoesNotContain("env-key", credentials.Basic.ToString());
    }

    [Fact]
    public void Without_a_login_commands_say_how_to_log_in()
    {
        var refused = Assert.Throws<CliException>(() => Source().Resolve());
        Assert.Equal(ExitCodes.Unauthorized, refused.ExitCode);
        Assert.Contains("fc login", refused.Message);
    }

    [Fact]
    public async Task Nothing_answering_at_the_URL_is_its_own_exit_code()
    {
        fc.Variables[CredentialSource.UrlVariable] = "http://127.0.0.1:1";
        fc.Variables[CredentialSource.UserVariable] = "admin";
        fc.Variables[CredentialSource.ApiKeyVariable] = "fck_never_printed";

        var result = await fc.RunAsync("service", "ls");

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.StartsWith("fc: no answer from the API", result.Error);
        Assert.DoesNotContain("fck_never_printed", result.ToString());
    }

    private CredentialSource Source() => new(new CliEnvironment
    {
        Out = TextWriter.Null,
        Error = TextWriter.Null,
        Variable = name => fc.Variables.GetValueOrDefault(name),
        ConfigDirectory = fc.ConfigDirectory,
    });

    public void Dispose() => fc.Dispose();
}
