using System.Diagnostics;
using FunctionsCloud.LoadTests.Support;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.BadInput;

namespace FunctionsCloud.LoadTests.BadInput;

/// <summary>
/// <c>badinput --requests N --seed S</c>: the bad-input corpus of the tests at length. The real app on the local host
/// against its own Azurite, a node cluster, a service, a trigger and a token to aim at, then N generated malformed
/// requests spread over every route. Target: no 5xx, every 4xx a problem naming what was refused, no stored row changed.
/// </summary>
public static class BadInputLoad
{
    public static async Task<bool> RunAsync(Arguments args, TextWriter output)
    {
        var requests = args.Int("requests", 100_000, 1, 10_000_000);
        var seed = (ulong)args.Int("seed", 1, 0, int.MaxValue);
        var parallel = args.Int("parallel", 8, 1, 64);
        args.RequireAllUsed();

        await using var storage = await PrivateStorage.StartAsync();
        await using var app = await FunctionsCloudTestHost.StartAsync(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = storage.ConnectionString });
        var world = await BadInputWorld.CreateAsync(app);
        var before = await StoredRows.ReadAsync(storage.ConnectionString, app.TablePrefix);

        var perRoute = Math.Max(1, requests / HttpRoute.All.Count);
        var clock = Stopwatch.StartNew();
        var report = await BadInputRun.RunAsync(app.Host.BaseAddress, world, perRoute, seed, parallel);
        var changes = (await StoredRows.ReadAsync(storage.ConnectionString, app.TablePrefix)).ChangesSince(before);

        output.WriteLine($"Seed {seed}, {perRoute:N0} requests per route, {clock.Elapsed.TotalSeconds:F0} s.");
        output.WriteLine(report.Summary());
        foreach (var finding in report.ServerErrors.Concat(report.NotProblems).Take(50))
            output.WriteLine(finding);
        foreach (var change in changes.Take(50))
            output.WriteLine("Stored row changed: " + change);
        var pass = report.ServerErrors.Count == 0 && report.NotProblems.Count == 0 && changes.Count == 0;
        output.WriteLine(pass
            ? $"PASS: {report.Tried:N0} requests tried, 5xx found: 0, every 4xx a problem, {before.Count} stored rows unchanged."
            : $"FAIL: 5xx found: {report.ServerErrors.Count}, 4xx that are not problems: {report.NotProblems.Count}, stored rows changed: {changes.Count}.");
        return pass;
    }
}
