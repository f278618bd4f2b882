using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using FunctionsCloud.Domain.Logs;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Logs;

/// <summary>
/// Follows one container's output through the engine and stores it in batches: what came in during about a second,
/// or less when a batch reaches <see cref="FlushBytes"/>. When storage fails the batch is kept and tried again, and
/// reading waits once <see cref="MaxQueuedBytes"/> of lines are queued: the engine keeps the rest in its own log files,
/// so nothing but memory bounds is at stake and the container runs on. Reading starts after the lines stored before.
/// </summary>
public sealed partial class ContainerLogFollower(IDockerClient docker, LogCredentialHolder credentials, TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan BatchWindow = TimeSpan.FromSeconds(1);
    public const int FlushBytes = 256 * 1024;

    /// <summary>The memory one container's lines read and not stored yet may hold (see <see cref="LogLineQueue.SizeOf"/>).</summary>
    public const long MaxQueuedBytes = 4 * 1024 * 1024;

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Follows until the container's output ends (it stopped or went), with everything read stored; storage that
    /// fails is tried again until it works or <paramref name="cancellationToken"/> ends it. Throws when reading
    /// from the engine failed, after what was read before the failure is stored.
    /// </summary>
    public async Task RunAsync(string dockerId, Guid containerUuid, CancellationToken cancellationToken)
    {
        var blob = new ContainerLogBlob(credentials, containerUuid);
        await RetryAsync(containerUuid, () => blob.ResumeAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        var queue = new LogLineQueue(MaxQueuedBytes);
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = ReadAsync(dockerId, blob, queue, stopReading.Token);
        try
        {
            await StoreAsync(containerUuid, blob, queue, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Storing ended early (the follower is stopped): the reader, perhaps waiting for room, ends with it.
            await stopReading.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        await reading.ConfigureAwait(false);
    }

    /// <summary>Reads until the output ends; completes the queue in any case, so that what was read is stored. Its failure is its task's.</summary>
    private async Task ReadAsync(string dockerId, ContainerLogBlob blob, LogLineQueue queue, CancellationToken cancellationToken)
    {
        try
        {
            var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Timestamps = true, Follow = true, Since = SinceOf(blob.ResumeFrom) };
            using var stream = await OpenAsync(dockerId, parameters, cancellationToken).ConfigureAwait(false);
            var lines = new DockerLogLines(stream);
            while (await lines.NextAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (!blob.IsStored(line))
                    await queue.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DockerApiException)
        {
            // The container went before it could be read: nothing more to read.
        }
        finally
        {
            queue.Complete();
        }
    }

    /// <summary>
    /// The raw multiplexed stream: its frames are the engine's messages, and a frame without a line break is a part of
    /// a longer line (<see cref="DockerLogLines"/>), which the client's demultiplexed reads would not show.
    /// </summary>
    private Task<Stream> OpenAsync(string dockerId, ContainerLogsParameters parameters, CancellationToken cancellationToken)
    {
#pragma warning disable CS0618 // The overload that keeps the engine's frames: see above.
        return docker.Containers.GetContainerLogsAsync(dockerId, parameters, cancellationToken);
#pragma warning restore CS0618
    }

    /// <summary>Batches and stores until the reading ends; the last batch is stored before it returns.</summary>
    private async Task StoreAsync(Guid containerUuid, ContainerLogBlob blob, LogLineQueue queue, CancellationToken cancellationToken)
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
                    bytes += LogLineQueue.SizeOf(line);
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
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Every failure but being stopped is tried again: Azure.Core throws an AggregateException once its own
                // retries are spent, a credential may be missing or refused, a request may time out.
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
