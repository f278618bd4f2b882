using System.Diagnostics;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.LoadTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace FunctionsCloud.LoadTests.Heartbeats;

/// <summary>
/// How long the app's web server spent on each heartbeat, from the request handed to its first middleware to the
/// answer written: the endpoint's latency without the client's and the connection's part. Registered as a startup
/// filter, so it runs before anything the app adds.
/// </summary>
public sealed class ServerTimes : IStartupFilter
{
    public Latencies Latencies { get; } = new();

    public bool Recording { get; set; }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, inner) =>
        {
            var started = Stopwatch.GetTimestamp();
            await inner(http);
            if (Recording && http.Request.Path.StartsWithSegments(AgentRoutes.Heartbeat.TrimEnd('/')))
                Latencies.Add(Stopwatch.GetElapsedTime(started));
        });
        next(app);
    };
}
