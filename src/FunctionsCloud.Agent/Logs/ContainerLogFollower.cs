using System.Globalization;
using System.Threading.Channels;
using Docker.DotNet;
using Docker.DotNet.Models;
using FunctionsCloud.Domain.Logs;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Logs;

/// <summary>
/// Follows one container's output through the engine and stores it in batches: what came in during about a second,
/// or less when a batch reaches <see cref="FlushBytes"/>. When storage fails the batch is kept and tried again, and
/// reading waits once <see cref="MaxQueuedLines"/> are queued: the engine keeps the rest in its own log files, so
/// nothing but memory bounds is at stake and the container runs on. Reading starts after the lines stored before.
/// </summary>
public sealed partial class ContainerLogFollower(IDockerClient docker, LogCredentialHolder credentials, TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan BatchWindow = TimeSpan.FromSeconds(1);
    public const int FlushBytes = 256 * 1024;
    public const int MaxQueuedLines = 20_000;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    public async Task RunAsync(string dockerId, Guid containerUuid, CancellationToken cancellationToken)
    {
        var blob = new ContainerLogBlob(credentials, containerUuid);
        await RetryAsync(containerUuid, () => blob.ResumeAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        var queue = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(MaxQueuedLines) { SingleReader = true, SingleWriter = true });
        var reading = ReadAsync(dockerId, blob, queue.Writer, cancellationToken);
        await StoreAsync(containerUuid, blob, queue.Reader, cancellationToken).ConfigureAwait(false);
        await reading.ConfigureAwait(false);
    }

    private async Task ReadAsync(string dockerId, ContainerLogBlob blob, ChannelWriter<LogLine> queue, CancellationToken cancellationToken)
    {
        try
        {
            var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Timestamps = true, Follow = true, Since = SinceOf(blob.ResumeFrom) };
            using var stream = await docker.Containers.GetContainerLogsAsync(dockerId, tty: false, parameters, cancellationToken).ConfigureAwait(false);
            var lines = new DockerLogLines(stream);
            while (await lines.NextAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (!blob.IsStored(line))
                    await queue.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            }

            queue.Complete();
        }
        catch (Exception e)
        {
            queue.Complete(e is OperationCanceledException ? null : e);
            if (e is not OperationCanceledException and not DockerApiException)
                throw;
        }
    }

    /// <summary>Batches and stores until the reading ends; the last batch is stored before it returns.</summary>
    private async Task StoreAsync(Guid containerUuid, ContainerLogBlob blob, ChannelReader<LogLine> queue, CancellationToken cancellationToken)
    {
        var batch = new List<LogLine>();
        while (await queue.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var closes = time.GetUtcNow() + BatchWindow;
            var bytes = 0L;
            while (bytes < FlushBytes && time.GetUtcNow() < closes)
            {
                while (bytes < FlushBytes && queue.TryRead(out var line))
                {
                    batch.Add(line);
                    bytes += line.Text.Length + 64;
                }

                using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                window.CancelAfter(Until(closes));
                try
                {
                    if (bytes < FlushBytes && !await queue.WaitToReadAsync(window.Token).ConfigureAwait(false))
                        break;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    break;
                }
            }

            await RetryAsync(containerUuid, () => blob.AppendAsync(batch, cancellationToken), cancellationToken).ConfigureAwait(false);
            batch.Clear();
        }
    }

    /// <summary>Tries until storage takes it, waiting longer each time (up to 30 s); logs the first failure of a run of them, and the recovery.</summary>
    private async Task RetryAsync(Guid containerUuid, Func<Task> store, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        for (var failures = 0; ; failures++)
        {
            try
            {
                await store().ConfigureAwait(false);
                if (failures > 0)
                    LogRecovered(logger, containerUuid, failures);
                return;
            }
            catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                if (failures == 0)
                    LogStoreFailed(logger, containerUuid, e.Message);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 > MaxRetryDelay ? MaxRetryDelay : delay * 2;
            }
        }
    }

    private TimeSpan Until(DateTimeOffset closes)
    {
        var left = closes - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>The engine's <c>since</c>: epoch seconds with nanoseconds.</summary>
    private static string? SinceOf(DateTimeOffset? from) =>
        from is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"{at.ToUnixTimeSeconds()}.{(at.UtcTicks % TimeSpan.TicksPerSecond) * 100:D9}")
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Container {ContainerUuid}: its output cannot be stored ({Reason}); it is kept and tried again, the container runs on")]
    private static partial void LogStoreFailed(ILogger logger, Guid containerUuid, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Container {ContainerUuid}: its output is stored again after {Failures} failed attempt(s)")]
    private static partial void LogRecovered(ILogger logger, Guid containerUuid, int failures);
}
