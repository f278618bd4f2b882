using System.Text.Json;
using CsCheck;

namespace FunctionsCloud.Testing.BadInput;

/// <summary>
/// Sends the corpus to a running app: <c>perRoute</c> requests to every route, taking turns, each route's generated from
/// its own stream of one seed (the same seed sends the same requests), and judges every answer.
/// </summary>
public static class BadInputRun
{
    public static async Task<BadInputReport> RunAsync(
        Uri app, BadInputWorld world, int perRoute, ulong seed, int parallelism, CancellationToken cancellationToken = default)
    {
        var report = new BadInputReport();
        using var client = new HttpClient { BaseAddress = app, Timeout = TimeSpan.FromSeconds(60) };
        await Parallel.ForEachAsync(Requests(world, perRoute, seed), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (request, ct) => await SendAsync(client, request, report, ct));
        return report;
    }

    /// <summary>Round by round, one request per route each, generated only as they are sent.</summary>
    private static IEnumerable<BadRequest> Requests(BadInputWorld world, int perRoute, ulong seed)
    {
        var routes = HttpRoute.All.Select((route, i) => (Gen: BadInputCorpus.For(route, world), Pcg: new PCG((uint)i, seed))).ToList();
        for (var round = 0; round < perRoute; round++)
        foreach (var (gen, pcg) in routes)
            yield return gen.Generate(pcg, null!, out _);
    }

    private static async Task SendAsync(HttpClient client, BadRequest request, BadInputReport report, CancellationToken cancellationToken)
    {
        try
        {
            using var message = request.ToMessage();
            using var response = await client.SendAsync(message, cancellationToken);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var fault = RefusedBeforeTheApp(request, status, body) ? null : ProblemFault(status, response.Content.Headers.ContentType?.MediaType, body);
            report.Add(request, status, fault, $"{status} {Cut(body)}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            report.Add(request, 0, null, e.Message);
        }
    }

    /// <summary>
    /// Refusals of the web server itself (Kestrel, here and in Azure), before any code of the app runs: a URL too long,
    /// a path whose escapes decode to a NUL. They carry no body.
    /// </summary>
    private static bool RefusedBeforeTheApp(BadRequest request, int status, string body) =>
        body.Length == 0 && (status == 414 || status == 400 && request.PathAndQuery.Split('?')[0].Contains("%00", StringComparison.Ordinal));

    /// <summary>What is wrong with a 4xx as a problem (RFC 9457) naming what was refused, or null when nothing is.</summary>
    public static string? ProblemFault(int status, string? mediaType, string body)
    {
        if (status is < 400 or >= 500)
            return null;
        if (mediaType != "application/problem+json")
            return $"{status} as {mediaType ?? "no content type"}, not application/problem+json";
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            return root.ValueKind == JsonValueKind.Object
                   && root.TryGetProperty("status", out var said) && said.ValueKind == JsonValueKind.Number && said.GetInt32() == status
                   && Named(root, "title") && Named(root, "detail")
                ? null
                : $"{status} problem without its status, title and detail";
        }
        catch (JsonException)
        {
            return $"{status} problem that is not JSON";
        }
    }

    private static bool Named(JsonElement problem, string property) =>
        problem.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0;

    private static string Cut(string text) => text.Length <= 400 ? text : text[..400] + "...";
}
