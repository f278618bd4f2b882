using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Cli.Tests.Support;

namespace FunctionsCloud.Cli.Tests.Parsing;

/// <summary>Every command's line as the parser reads it: the examples in the help parse, bad lines stop before the API.</summary>
public sealed class ParserTests
{
    private static readonly RootCommand Root = FcApp.Build(new CommandHost(new CliEnvironment
    {
        Out = TextWriter.Null,
        Error = TextWriter.Null,
        Variable = _ => null,
        ConfigDirectory = Path.GetTempPath(),
    }));

    public static TheoryData<string> Leaves()
    {
        var data = new TheoryData<string>();
        foreach (var path in LeafPaths(Root, "fc"))
            data.Add(path);
        return data;
    }

    [Fact]
    public void Every_command_the_issue_names_exists()
    {
        var leaves = LeafPaths(Root, "fc").ToHashSet();
        string[] expected =
        [
            "fc login", "fc provider ls", "fc region ls", "fc nodetype ls", "fc completion", "fc event",
            .. Verbs("nodecluster", "create", "ls", "inspect", "scale", "rm"),
            .. Verbs("node", "ls", "inspect", "rm", "byo"),
            .. Verbs("service", "create", "run", "ls", "ps", "inspect", "logs", "scale", "start", "stop", "redeploy", "rm"),
            .. Verbs("container", "ps", "inspect", "logs", "start", "stop", "redeploy", "rm"),
            .. Verbs("trigger", "create", "ls", "rm"),
            .. Verbs("action", "ls", "inspect", "logs", "cancel", "retry"),
            .. Verbs("apikey", "create", "ls", "rm"),
            .. Verbs("user", "create", "ls", "rm"),
            .. Verbs("org", "create", "ls", "inspect"),
            .. Verbs("org team", "create", "set", "rm"),
            .. Verbs("stack", "up", "create", "ls", "inspect", "start", "stop", "redeploy", "update", "export", "rm"),
        ];
        Assert.Empty(expected.Except(leaves));
        Assert.Empty(leaves.Except(expected));
    }

    [Theory]
    [MemberData(nameof(Leaves))]
    public void Each_commands_help_has_an_example_that_parses(string path)
    {
        var command = Find(path);
        var example = command.Description!.Split('\n').Select(l => l.Trim()).SkipWhile(l => l != "Example:").Skip(1).FirstOrDefault();
        Assert.False(example is null, $"{path} has no example in its help.");
        Assert.StartsWith(path + " ", example + " ");
        var parse = Root.Parse(example[3..]);
        Assert.True(parse.Errors.Count == 0, $"{example}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
    }

    [Fact]
    public void Arguments_and_options_are_read_as_given()
    {
        var parse = Root.Parse("service run -n web -t 3 -p 8080:80 -p 53/udp -e A=1 -e B=x=y --link-service db:database --deployment-strategy HIGH_AVAILABILITY --sync -o json functionscloud/busybox -- httpd -f");
        Assert.Empty(parse.Errors);
        Assert.Equal(["8080:80", "53/udp"], parse.GetValue<string[]>("--publish")!);
        Assert.Equal(["A=1", "B=x=y"], parse.GetValue<string[]>("--env")!);
        Assert.Equal(3, parse.GetValue<int?>("--target-num-containers"));
        Assert.Equal("functionscloud/busybox", parse.GetValue<string>("image"));
        Assert.Equal(["httpd", "-f"], parse.GetValue<string[]>("command")!);
        Assert.True(parse.GetValue<bool>("--sync"));
        Assert.Equal(OutputFormat.Json, parse.GetValue(GlobalOptions.Output));
    }

    [Fact]
    public void Account_commands_read_their_arguments_and_options_as_given()
    {
        var key = Root.Parse("apikey create ci --role operator --expires-in 3600 --namespace acme");
        Assert.Empty(key.Errors);
        Assert.Equal(("ci", "operator", 3600, "acme"),
            (key.GetValue<string>("label"), key.GetValue<string>("--role"), key.GetValue<int?>("--expires-in"), key.GetValue<string>("--namespace")));
        var user = Root.Parse("user create alice --email alice@example.com --admin");
        Assert.Empty(user.Errors);
        Assert.Equal(("alice", "alice@example.com", true), (user.GetValue<string>("username"), user.GetValue<string>("--email"), user.GetValue<bool>("--admin")));
        var team = Root.Parse("org team create acme ops --role read-only --member bob --member carol");
        Assert.Empty(team.Errors);
        Assert.Equal(("acme", "ops", "read-only"), (team.GetValue<string>("organization"), team.GetValue<string>("team"), team.GetValue<string>("--role")));
        Assert.Equal(["bob", "carol"], team.GetValue<string[]>("--member")!);
        Assert.Equal(["alice", "bob"], Root.Parse("org create acme --owner alice --owner bob").GetValue<string[]>("--owner")!);
    }

    [Fact]
    public void Event_reads_where_to_begin_and_whether_to_go_on()
    {
        var parse = Root.Parse("event --after 42 --since 2026-12-03T14:00:00Z --no-follow -o json");
        Assert.Empty(parse.Errors);
        Assert.Equal(42, parse.GetValue<long?>("--after"));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 14, 0, 0, TimeSpan.Zero), parse.GetValue<DateTimeOffset?>("--since"));
        Assert.True(parse.GetValue<bool>("--no-follow"));
        Assert.Equal(OutputFormat.Json, parse.GetValue(GlobalOptions.Output));
    }

    [Fact]
    public void Scale_reads_the_identifier_and_count()
    {
        var parse = Root.Parse("nodecluster scale 3f9c 4 --sync");
        Assert.Empty(parse.Errors);
        Assert.Equal("3f9c", parse.GetValue<string>("nodecluster"));
        Assert.Equal(4, parse.GetValue<int>("nodes"));
    }

    [Theory]
    [InlineData("stack up -f shop/docker-cloud.yml -n shop --sync", "shop/docker-cloud.yml", "shop")]
    [InlineData("stack create", "docker-cloud.yml", null)]
    [InlineData("stack update shop --file other.yml", "other.yml", null)]
    public void Stack_commands_read_the_stackfile_and_name(string line, string file, string? name)
    {
        var parse = Root.Parse(line);
        Assert.Empty(parse.Errors);
        Assert.Equal(file, parse.GetValue<FileInfo>("--file")!.ToString());
        Assert.Equal(name, parse.GetValue<string>("--name"));
    }

    [Fact]
    public void A_stack_is_named_after_its_stackfiles_folder()
    {
        Assert.Equal("shop", Commands.Stacks.StackCommand.FolderName(new FileInfo("/srv/shop/docker-cloud.yml")));
    }

    [Fact]
    public async Task A_stackfile_that_cannot_be_read_exits_2_and_sends_nothing()
    {
        using var fc = new Fc();
        var result = await fc.RunAsync("stack", "create", "-f", "/nonexistent/docker-cloud.yml", "-n", "shop");
        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("Cannot read the stackfile /nonexistent/docker-cloud.yml", result.Error);
    }

    [Theory]
    [InlineData("stack update")]
    [InlineData("stack export")]
    [InlineData("stack up --bogus")]
    [InlineData("service scale web three")]
    [InlineData("service scale web -1")]
    [InlineData("service scale web")]
    [InlineData("service scale")]
    [InlineData("service inspect")]
    [InlineData("service ls --bogus")]
    [InlineData("service")]
    [InlineData("nodecluster create apps local local")]
    [InlineData("nodecluster create apps local local local -t 0")]
    [InlineData("service run -p 99999 functionscloud/busybox")]
    [InlineData("service run -p 80/sctp functionscloud/busybox")]
    [InlineData("service run --expose 8080:80 functionscloud/busybox")]
    [InlineData("service run -e NOVALUE functionscloud/busybox")]
    [InlineData("service run --link-service db functionscloud/busybox")]
    [InlineData("service run --deployment-strategy EVERYWHERE functionscloud/busybox")]
    [InlineData("trigger create web --operation DELETE")]
    [InlineData("action ls --limit 0")]
    [InlineData("apikey create")]
    [InlineData("apikey create ci --role root")]
    [InlineData("apikey create ci --expires-in 10")]
    [InlineData("apikey create ci --expires-in soon")]
    [InlineData("apikey rm")]
    [InlineData("user create")]
    [InlineData("user rm")]
    [InlineData("org create acme")]
    [InlineData("org team create acme ops")]
    [InlineData("org team create acme ops --role superuser")]
    [InlineData("org team set acme")]
    [InlineData("event --after x")]
    [InlineData("event --after -1")]
    [InlineData("event --since yesterday")]
    [InlineData("event --follow")]
    [InlineData("-o yaml service ls")]
    [InlineData("container logs web-1 --all --tail 5")]
    [InlineData("service logs web --all --since 2026-12-03T14:00:00Z")]
    [InlineData("service logs web --all -f")]
    [InlineData("action logs 3b1f0c2d --all")]
    [InlineData("spaceship launch")]
    public async Task A_line_the_parser_refuses_exits_2_with_one_clear_line_and_sends_nothing(string line)
    {
        // No credentials at all: had anything been sent, it would have exited 4 (not logged in).
        using var fc = new Fc();
        var result = await fc.RunAsync(line.Split(' '));
        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Empty(result.Out);
        Assert.StartsWith("fc: ", result.Error);
        Assert.Contains("--help'", result.Error);
    }

    [Fact]
    public async Task Help_wins_over_missing_arguments()
    {
        using var fc = new Fc();
        var result = await fc.RunAsync("service", "scale", "--help");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Example:", result.Out);
    }

    private static IEnumerable<string> Verbs(string group, params string[] verbs) => verbs.Select(v => $"fc {group} {v}");

    private static IEnumerable<string> LeafPaths(Command command, string path) =>
        command.Subcommands.Count == 0 ? [path] : command.Subcommands.SelectMany(c => LeafPaths(c, $"{path} {c.Name}"));

    private static Command Find(string path) =>
        path.Split(' ').Skip(1).Aggregate((Command)Root, (command, name) => command.Subcommands.Single(c => c.Name == name));
}
