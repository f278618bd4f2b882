using System.Text;

namespace FunctionsCloud.Domain.Services;

/// <summary>
/// run_command and entrypoint travel as one string, as Docker Cloud had them, and are kept as the argument list the
/// engine runs. Splitting follows the shell's quoting: whitespace separates, '...' is literal, "..." keeps
/// backslash escapes of \ " $ and `, and a backslash outside quotes escapes the next character.
/// </summary>
public static class CommandLine
{
    /// <summary>The arguments of <paramref name="text"/>, or null with the reason when its quoting is broken.</summary>
    public static IReadOnlyList<string>? Split(string text, out string? problem)
    {
        var splitter = new Splitter(text);
        problem = splitter.Run();
        return problem is null ? splitter.Words : null;
    }

    /// <summary>The arguments as one string that <see cref="Split"/> gives back unchanged.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@%+".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";

    private sealed class Splitter(string text)
    {
        private readonly StringBuilder _word = new();
        private bool _inWord;
        private int _at;

        public List<string> Words { get; } = [];

        public string? Run()
        {
            while (_at < text.Length)
            {
                var problem = Step(text[_at++]);
                if (problem is not null)
                    return problem;
            }

            EndWord();
            return null;
        }

        private string? Step(char c)
        {
            switch (c)
            {
                case '\'':
                    return Until('\'', escapes: "");
                case '"':
                    return Until('"', escapes: "\\\"$`");
                case '\\':
                    if (_at == text.Length)
                        return "ends with a lone backslash.";
                    Append(text[_at++]);
                    return null;
                default:
                    if (char.IsWhiteSpace(c))
                        EndWord();
                    else
                        Append(c);
                    return null;
            }
        }

        /// <summary>Reads a quoted part up to its closing quote.</summary>
        private string? Until(char quote, string escapes)
        {
            _inWord = true;
            while (_at < text.Length)
            {
                var c = text[_at++];
                if (c == quote)
                    return null;
                if (c == '\\' && _at < text.Length && escapes.Contains(text[_at]))
                    c = text[_at++];
                _word.Append(c);
            }

            return $"has a {quote} that is never closed.";
        }

        private void Append(char c)
        {
            _inWord = true;
            _word.Append(c);
        }

        private void EndWord()
        {
            if (!_inWord)
                return;
            Words.Add(_word.ToString());
            _word.Clear();
            _inWord = false;
        }
    }
}
