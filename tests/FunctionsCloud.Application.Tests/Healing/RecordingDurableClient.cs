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
        var instances = new HashSet<string>();
        client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) =>
                instances.Contains(id) ? new OrchestrationMetadata("recorded", id) { RuntimeStatus = OrchestrationRuntimeStatus.Running } : null);
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName name, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                scheduled.Add((name.Name, input));
                var id = options?.InstanceId ?? Guid.NewGuid().ToString("D");
                instances.Add(id);
                return id;
            });
        return client.Object;
    }
}
