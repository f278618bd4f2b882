using FunctionsCloud.LocalHost.Discovery;
using Microsoft.DurableTask;

namespace FunctionsCloud.LocalHost.Durable;

/// <summary>
/// Registers discovered orchestrator and activity functions on a Durable Task SDK registry. Tests can use this
/// with their own DurableTaskTestHost to run the app's real orchestrations.
/// </summary>
public static class DurableFunctionRegistration
{
    /// <param name="services">The provider activities and orchestrator classes resolve from (captured, used when they run).</param>
    public static DurableTaskRegistry AddFunctions(this DurableTaskRegistry registry, IEnumerable<DiscoveredFunction> functions, Func<IServiceProvider> services)
    {
        foreach (var function in functions)
        {
            var current = function;
            switch (function.Trigger)
            {
                case OrchestrationTriggerBinding:
                    registry.AddOrchestrator(current.Name, () => new FunctionOrchestrator(current, services()));
                    break;
                case ActivityTriggerBinding:
                    registry.AddActivity(current.Name, _ => new FunctionActivity(current, services()));
                    break;
            }
        }

        return registry;
    }
}
