using System.Diagnostics.Metrics;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Concurrency;

namespace FunctionsCloud.Application.Telemetry;

/// <summary>Heartbeats accepted and refused (by why): a counter and nothing else, as heartbeats are the hot path.</summary>
public static class HeartbeatMetrics
{
    private static readonly Counter<long> Heartbeats = FunctionsCloudTelemetry.Meter.CreateCounter<long>(
        FunctionsCloudTelemetry.Heartbeats, "{heartbeat}", "Heartbeats answered, by outcome (accepted, or why refused).");

    private static readonly KeyValuePair<string, object?> Accepted = new("outcome", "accepted");

    /// <summary>Counts the heartbeat <paramref name="beat"/> records, once it is answered or refused.</summary>
    public static async Task<T> CountAsync<T>(Task<T> beat)
    {
        try
        {
            var answer = await beat;
            Heartbeats.Add(1, Accepted);
            return answer;
        }
        catch (Exception refused)
        {
            Heartbeats.Add(1, new KeyValuePair<string, object?>("outcome", Why(refused)));
            throw;
        }
    }

    private static string Why(Exception refused) => refused switch
    {
        AuthenticationFailedException => "unauthorized",
        ResourceNotFoundException => "gone",
        RequestValidationException or UnsupportedMediaTypeException => "invalid",
        ConcurrencyConflictException or ResourceConflictException => "conflict",
        _ => "failed",
    };
}
