using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Cli.Tests.Support;
using FunctionsCloud.Testing.Docker;

namespace FunctionsCloud.Cli.Tests.Completion;

/// <summary>
/// The scripts of <c>fc completion bash|zsh</c> in the real shells, asking the built fc on PATH, as a person's shell
/// would at a Tab. The shells' own <c>fc</c> builtin is left enabled: the scripts must ask the tool, not it. zsh's
/// completion widgets need a terminal, so there compadd and compset are stand-ins that print what they are given.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CompletionScriptTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("fc-completion-").FullName;

    public CompletionScriptTests()
    {
        // The fc that the test project's build put beside the tests, found on PATH as an installed tool would be.
        var fc = Path.Combine(AppContext.BaseDirectory, "fc");
        Assert.True(File.Exists(fc), $"No fc apphost at {fc}.");
        var shim = Path.Combine(scratch, "bin", "fc");
        Directory.CreateDirectory(Path.GetDirectoryName(shim)!);
        File.WriteAllText(shim, $"#!/bin/sh\nexec '{fc}' \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    public async Task The_script_is_valid_for_its_shell(string shell)
    {
        var check = await ProcessRunner.RunAsync(await ShellAsync(shell), "-n", await SaveScriptAsync(shell));
        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Theory]
    [InlineData("fc serv", "service")]
    [InlineData("fc service s", "scale start stop")]
    [InlineData("fc service ls --output=j", "json")]
    public async Task Bash_completes_a_partial_line(string line, string expected)
    {
        const string tab = """
            source "$1" || exit 3
            [[ "$(complete -p fc)" == *"-F _fc_complete"* ]] || exit 4
            COMP_LINE=$2; COMP_POINT=${#2}
            _fc_complete fc
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var run = await RunAsync("bash", tab, await SaveScriptAsync("bash"), line);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(expected.Split(' '), Lines(run.Output).Order());
    }

    [Theory]
    [InlineData(false, "fc service s", "scale start stop")]
    [InlineData(false, "fc service ls --output=j", "json")]
    [InlineData(true, "fc serv", "service")]
    [InlineData(true, "fc service ", "create inspect logs ls ps redeploy rm run scale start stop")]
    public async Task Zsh_completes_a_partial_line_sourced_or_from_fpath(bool fromFpath, string line, string expected)
    {
        const string tab = """
            if [[ $3 == fpath ]]; then
                mkdir -p $1.d && cp $1 $1.d/_fc && fpath=($1.d $fpath)
                autoload -U compinit && compinit -u -D
            else
                autoload -U compinit && compinit -u -D
                source $1 || exit 3
            fi
            [[ ${_comps[fc]} == _fc ]] || exit 4
            compadd() { [[ $1 == -- ]] && shift; print -l -- "$@"; }
            compset() { PREFIX=${PREFIX#*=}; }
            words=(${(z)2}); [[ $2 == *' ' ]] && words+=('')
            CURRENT=${#words}; PREFIX=${words[CURRENT]}
            _fc
            """;
        var run = await RunAsync("zsh", tab, await SaveScriptAsync("zsh"), line, fromFpath ? "fpath" : "source");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(expected.Split(' '), Lines(run.Output).Order());
    }

    private async Task<string> SaveScriptAsync(string shell)
    {
        using var fc = new Fc();
        var result = await fc.RunAsync("completion", shell);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var path = Path.Combine(scratch, $"completion.{shell}");
        await File.WriteAllTextAsync(path, result.Out);
        return path;
    }

    /// <summary>The shell without any rc file of the machine's, with the shim's folder first on PATH.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(string shell, string body, params string[] arguments) =>
        await ProcessRunner.RunAsync("env", [
            $"PATH={Path.Combine(scratch, "bin")}:{Environment.GetEnvironmentVariable("PATH")}",
            await ShellAsync(shell), shell == "zsh" ? "-f" : "--norc", "-c", body, shell, .. arguments]);

    /// <summary>The shell's path; zsh is installed once by the repository's .ci/zsh when the machine lacks it, or the test fails.</summary>
    private static async Task<string> ShellAsync(string shell)
    {
        if (shell == "zsh")
            await ZshInstalled.Value;
        var path = new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, shell)).FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"{shell} is not installed (Debian: apt-get install {shell}).");
        return path;
    }

    private static readonly Lazy<Task> ZshInstalled = new(async () =>
    {
        var script = Path.Combine(FunctionsCloud.LocalHost.Configuration.RepositoryRoot.Find(AppContext.BaseDirectory)!, ".ci", "zsh");
        var (exitCode, output) = await ProcessRunner.RunAsync("bash", script);
        Assert.True(exitCode == 0, $"{script} could not install zsh ({exitCode}): {output}");
    });

    private static IEnumerable<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
