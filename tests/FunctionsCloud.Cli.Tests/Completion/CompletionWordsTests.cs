using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Cli.Tests.Support;

namespace FunctionsCloud.Cli.Tests.Completion;

/// <summary>
/// What fc answers a completion script's <c>fc "[suggest]" LINE</c>, run in-process through the same entry point as
/// any command line: the words that may complete the line's last word, one a line.
/// </summary>
public sealed class CompletionWordsTests
{
    [Theory]
    [InlineData("fc serv", "service")]
    [InlineData("fc service s", "scale start stop")]
    [InlineData("fc service ", "create inspect logs ls ps redeploy rm run scale start stop")]
    [InlineData("fc nodecluster sc", "scale")]
    [InlineData("fc no", "node nodecluster nodetype")]
    [InlineData("fc service run --dep", "--deployment-strategy")]
    [InlineData("fc service run --deployment-strategy ", "EMPTIEST_NODE EVERY_NODE HIGH_AVAILABILITY")]
    [InlineData("fc nodecluster create apps local local local --t", "--tag --target-num-nodes")]
    [InlineData("fc -o ", "json table")]
    [InlineData("fc service ls --output=j", "json")]
    [InlineData("fc trigger create web --operation ", "REDEPLOY SCALEUP")]
    [InlineData("fc completion ", "bash zsh")]
    [InlineData("fc service scale web 3 --s", "--sync")] // a line the parser would refuse still completes
    [InlineData("fc service scale web 3 ", "")] // options only once the word begins with '-'
    public async Task The_words_that_may_follow_a_partial_line(string line, string expected)
    {
        var words = await SuggestAsync("[suggest]", line);
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), words.Order());
    }

    [Fact]
    public async Task Every_command_is_offered_after_fc_alone_and_no_option_or_help_alias()
    {
        var words = await SuggestAsync("[suggest]", "fc ");
        Assert.Equal(["action", "apikey", "completion", "container", "event", "login", "node", "nodecluster", "nodetype", "org", "provider", "region", "service", "stack", "trigger", "user"], words.Order());
    }

    [Fact]
    public async Task A_cursor_position_completes_the_line_up_to_it_as_dotnet_suggest_asks()
    {
        Assert.Equal(["service"], await SuggestAsync("[suggest:6]", "fc ser stop"));
    }

    private static async Task<string[]> SuggestAsync(string directive, string line)
    {
        using var fc = new Fc();
        var result = await fc.RunAsync(directive, line);
        Assert.True(result.ExitCode == ExitCodes.Ok && result.Error.Length == 0, result.ToString());
        return result.OutLines;
    }
}
