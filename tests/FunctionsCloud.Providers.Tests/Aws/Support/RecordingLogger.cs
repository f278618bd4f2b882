using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Providers.Tests.Aws.Support;

/// <summary>Keeps every formatted log line (and exception text) so tests can check what reaches the logs.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
