using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Functions.Tests.Actions;

/// <summary>Polls an action until it is in the state a test waits for (a deadline, no fixed sleeps to pass).</summary>
internal static class ActionPolling
{
    public static async Task<JsonObject> WaitForAsync(this FunctionsCloudTestHost app, string actionUri, Func<JsonObject, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var action = (await app.Client.GetFromJsonAsync<JsonObject>(actionUri))!;
            if (condition(action))
                return action;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Action {actionUri} did not get there within {timeout}: {action.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    /// <summary>Polls the action's log (<c>.../logs/</c>) until it satisfies the condition; returns it.</summary>
    public static async Task<string> WaitForLogAsync(this FunctionsCloudTestHost app, string actionUri, Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var log = await app.ActionLogAsync(actionUri);
            if (condition(log))
                return log;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The log of {actionUri} did not get there within {timeout}: {log}");
            await Task.Delay(200);
        }
    }

    public static Task<JsonObject> WaitForStateAsync(this FunctionsCloudTestHost app, string actionUri, string state, TimeSpan timeout) =>
        app.WaitForAsync(actionUri, a => (string?)a["state"] == state, timeout);
}
