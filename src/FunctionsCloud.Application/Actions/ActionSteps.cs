using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FunctionsCloud.Application.Actions;

/// <summary>
/// The key of one step of an operation: its activity and its input, which a redelivery repeats exactly. The input
/// names the operation (its action), and the orchestration gives each step that logs an input of its own (a batch's
/// nodes, a rolling step's container, what is still awaited), so the key tells a step run again from the next one.
/// </summary>
public static class ActionSteps
{
    public static string Key<TInput>(string activity, TInput input)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(activity + "\n" + JsonSerializer.Serialize(input)));
        return Convert.ToHexStringLower(digest.AsSpan(0, 8));
    }
}
