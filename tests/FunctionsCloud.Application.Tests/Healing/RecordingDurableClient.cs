using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace FunctionsCloud.Application.Tests.Healing;

/// <summary>A durable client that only records the orchestrations scheduled on it (name and input).</summary>
internal static class RecordingDurableClient
{
    public static DurableTaskClient Create(List<(string Name, object? Input)> scheduled)
    {
        // CallBase: the overloads without options end in the abstract one recorded here.
        var client = new Mock<DurableTaskClient>("recording") { CallBase = true };
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName name, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                scheduled.Add((name.Name, input));
                return options?.InstanceId ?? Guid.NewGuid().ToString("D");
            });
        return client.Object;
    }
}
