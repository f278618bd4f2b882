using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace FunctionsCloud.Cli.Commands.Completion;

/// <summary>
/// The answer to <c>fc "[suggest]" "fc service s"</c>, which the completion scripts ask for at every Tab: the words
/// that may stand there, one a line (scale, start, stop). System.CommandLine finds the candidates in the commands
/// themselves, so the scripts never go stale as commands change; this only trims them to what a shell should offer.
/// </summary>
public sealed class CompletionWords : SynchronousCommandLineAction
{
    private readonly SuggestDirective directive;

    private CompletionWords(SuggestDirective directive) => this.directive = directive;

    /// <summary>Makes <paramref name="root"/>'s <c>[suggest]</c> directive answer with these words.</summary>
    public static void Install(RootCommand root)
    {
        var suggest = root.Directives.OfType<SuggestDirective>().Single();
        suggest.Action = new CompletionWords(suggest);
    }

    public override int Invoke(ParseResult parse)
    {
        // The line is the directive's last argument, as typed up to the cursor; [suggest:N] puts the cursor at N
        // instead, as dotnet-suggest asks.
        var line = parse.Tokens.LastOrDefault(t => t.Type != TokenType.Directive)?.Value ?? "";
        var position = parse.GetResult(directive)?.Values.SingleOrDefault() is { } given && int.TryParse(given, out var at)
            ? Math.Clamp(at, 0, line.Length)
            : line.Length;
        foreach (var word in Of(parse.RootCommandResult.Command, line[..position]))
            parse.InvocationConfiguration.Output.WriteLine(word);
        return 0;
    }

    /// <summary>
    /// What may complete the last word of <paramref name="line"/>. System.CommandLine matches by substring (ls, ps and
    /// inspect contain an s) and offers every option's every alias (-?, /h) at every word; a shell wants the words that
    /// begin with what was typed, and options once the word begins with '-', by their long names.
    /// </summary>
    public static IReadOnlyList<string> Of(Command root, string line)
    {
        try
        {
            var text = OptionValueApart(line);
            var parse = root.Parse(text);
            var typed = parse.GetCompletionContext().WordToComplete;
            var options = typed.StartsWith('-');
            return parse.GetCompletions(text.Length)
                .Select(item => item.InsertText ?? item.Label)
                .Where(word => word.StartsWith(typed, StringComparison.Ordinal))
                .Where(word => options ? word.StartsWith("--", StringComparison.Ordinal) : !IsOption(word))
                .Distinct()
                .ToList();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // A line the completer itself trips over gets no words: a Tab must never print a stack trace.
            return [];
        }
    }

    /// <summary>
    /// <c>--output=js</c> as <c>--output js</c>: System.CommandLine 3.0.0 fails to complete a value after '=', and
    /// the shells replace only what follows the '=' (bash splits words there; the zsh script has compset skip to it).
    /// </summary>
    private static string OptionValueApart(string line)
    {
        var start = line.LastIndexOf(' ') + 1;
        var equals = line.IndexOf('=', start);
        return line[start..].StartsWith('-') && equals > 0 ? $"{line[..equals]} {line[(equals + 1)..]}" : line;
    }

    private static bool IsOption(string word) => word.StartsWith('-') || word.StartsWith('/');
}
