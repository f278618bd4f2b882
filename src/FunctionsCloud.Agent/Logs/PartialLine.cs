using System.Text;
using FunctionsCloud.Domain.Logs;

namespace FunctionsCloud.Agent.Logs;

/// <summary>
/// The line of one stream being put together from the engine's frames: bytes up to <see cref="DockerLogLines.MaxLineBytes"/>
/// in one buffer (copied span by span, never byte by byte), and the time of its first part.
/// </summary>
internal sealed class PartialLine(string source)
{
    private readonly byte[] _bytes = new byte[DockerLogLines.MaxLineBytes];
    private int _length;
    private DateTimeOffset? _at;

    /// <summary>Whether the line was cut at the size limit and nothing came after the cut yet (a line break then ends no further line).</summary>
    private bool _justCut;

    /// <summary>Adds a frame's text (after its time); each line it completes goes to <paramref name="ready"/>.</summary>
    public void Add(DateTimeOffset at, ReadOnlySpan<byte> text, Queue<LogLine> ready)
    {
        while (!text.IsEmpty)
        {
            _at ??= at;
            var newline = text.IndexOf((byte)'\n');
            var part = newline < 0 ? text : text[..newline];
            while (!part.IsEmpty)
            {
                var take = Math.Min(part.Length, _bytes.Length - _length);
                part[..take].CopyTo(_bytes.AsSpan(_length));
                (_length, _justCut) = (_length + take, false);
                part = part[take..];
                if (_length == _bytes.Length)
                {
                    // Cut: the rest keeps the line's time, so that it sorts and resumes with it.
                    ready.Enqueue(Take());
                    _justCut = true;
                }
            }

            if (newline < 0)
                return;
            if (!_justCut)
                ready.Enqueue(Take());
            (_at, _justCut) = (null, false);
            text = text[(newline + 1)..];
        }
    }

    /// <summary>At the end of the stream: a last line without a line break.</summary>
    public void Flush(Queue<LogLine> ready)
    {
        if (_length > 0)
            ready.Enqueue(Take());
        (_at, _justCut) = (null, false);
    }

    private LogLine Take()
    {
        var line = new LogLine(_at ?? DateTimeOffset.UnixEpoch, source, Encoding.UTF8.GetString(_bytes, 0, _length));
        _length = 0;
        return line;
    }
}
