using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.LocalHost.Tests.SampleFunctions;

public sealed class QueueFunctions(SampleSignals signals)
{
    [Function("ProcessWidgetMessage")]
    public async Task Process([QueueTrigger("%Samples__WidgetQueue%")] WidgetMessage message, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        if (message.Fail)
        {
            signals.RecordFailedAttempt();
            throw new InvalidOperationException($"Widget {message.Name} cannot be processed.");
        }

        signals.ProcessedMessages.Enqueue(message);
        signals.Processed.Release();
    }
}
