using System.Text;

namespace FunctionsCloud.Agent.Engine;

/// <summary>The last <c>max</c> characters of a command's output, lines in the order printed (stdout and stderr alike); thread-safe.</summary>
public sealed class OutputTail(int max)
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public void AppendLine(string? line)
    {
        if (line is null)
            return;
        lock (_gate)
        {
            _text.Append(line).Append('\n');
            if (_text.Length > max)
                _text.Remove(0, _text.Length - max);
        }
    }

    public string Text
    {
        get
        {
            lock (_gate)
                return _text.ToString();
        }
    }
}
