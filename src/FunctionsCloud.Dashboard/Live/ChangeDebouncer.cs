using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Dashboard.Live;

/// <summary>
/// Gathers the events a page is told into one refresh: the first event waits <see cref="Wait"/> for those that come
/// with it (an operation changes several objects at once), then the page reads once for all of them. Events that come
/// while it reads make the next batch, so a page never reads twice at once and reads at most once per wait.
/// </summary>
public sealed class ChangeDebouncer(Func<ChangeBatch, Task> refresh, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(300);

    private readonly CancellationTokenSource disposed = new();
    private readonly Lock gate = new();
    private List<ObjectEvent> pending = [];
    private bool resync;
    private bool running;

    public void Add(ObjectEvent change)
    {
        lock (gate)
            pending.Add(change);
        Schedule();
    }

    public void AddResync()
    {
        lock (gate)
            resync = true;
        Schedule();
    }

    private void Schedule()
    {
        lock (gate)
        {
            if (running || (pending.Count == 0 && !resync) || disposed.IsCancellationRequested)
                return;
            running = true;
        }
        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            await Task.Delay(Wait, time, disposed.Token).ConfigureAwait(false);
            ChangeBatch batch;
            lock (gate)
            {
                batch = new ChangeBatch(pending, resync);
                pending = [];
                resync = false;
            }
            await refresh(batch).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            lock (gate)
                running = false;
        }
        Schedule();
    }

    public void Dispose()
    {
        if (disposed.IsCancellationRequested)
            return;
        disposed.Cancel();
        disposed.Dispose();
    }
}
