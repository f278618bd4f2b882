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

    public static Task<JsonObject> WaitForStateAsync(this FunctionsCloudTestHost app, string actionUri, string state, TimeSpan timeout) =>
        app.WaitForAsync(actionUri, a => (string?)a["state"] == state, timeout);
}
