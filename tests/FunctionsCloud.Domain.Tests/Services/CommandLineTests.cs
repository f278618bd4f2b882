using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Tests.Services;

public class CommandLineTests
{
    public static TheoryData<string, string[]> Commands => new()
    {
        { "httpd -f -p 80", ["httpd", "-f", "-p", "80"] },
        { "  sh   -c  'echo $HOME; exit 1'  ", ["sh", "-c", "echo $HOME; exit 1"] },
        { "echo \"a \\\"quoted\\\" \\\\ word\" b\\ c", ["echo", "a \"quoted\" \\ word", "b c"] },
        { "printf '' x", ["printf", "", "x"] },
        { "'it'\\''s'", ["it's"] },
        { "\"\\n stays\"", ["\\n stays"] },
        { "", [] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Commands_split_as_the_shell_would(string text, string[] words)
    {
        Assert.Equal(words, CommandLine.Split(text, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("echo 'open", "'")]
    [InlineData("echo \"open", "\"")]
    [InlineData("echo \\", "backslash")]
    public void Broken_quoting_is_refused(string text, string named)
    {
        Assert.Null(CommandLine.Split(text, out var problem));
        Assert.Contains(named, problem);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Joined_commands_split_back_into_the_same_words(string text, string[] words)
    {
        _ = text;
        Assert.Equal(words, CommandLine.Split(CommandLine.Join(words), out _));
    }

    [Fact]
    public void Plain_words_are_joined_without_quotes() =>
        Assert.Equal("httpd -f -p 80 -h /www 'two words' 'it'\\''s'", CommandLine.Join(["httpd", "-f", "-p", "80", "-h", "/www", "two words", "it's"]));
}
