using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Services;

/// <summary>Why a service cannot enter an operation's busy state, in words a user can act on.</summary>
public static class ServiceTransitions
{
    /// <summary>Null when a service in <paramref name="current"/> may move to <paramref name="busy"/>, else why not.</summary>
    /// <param name="operation">The operation in the past participle, e.g. "stopped".</param>
    public static string? Refusal(ServiceState current, ServiceState busy, string operation)
    {
        if (ServiceStates.Machine.CanMove(current, busy))
            return null;
        var from = Enum.GetValues<ServiceState>().Where(s => ServiceStates.Machine.CanMove(s, busy)).Select(s => ApiNames.Of(s)).ToList();
        return $"The service is {ApiNames.Of(current)}; only a service that is {Either(from)} can be {operation}.";
    }

    private static string Either(IReadOnlyList<string> states) =>
        states.Count == 1 ? states[0] : $"{string.Join(", ", states.Take(states.Count - 1))} or {states[^1]}";
}
