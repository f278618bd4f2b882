using System.Collections.Concurrent;

namespace FunctionsCloud.Testing.BadInput;

/// <summary>A request the app answered wrongly, and how.</summary>
public sealed record BadInputFinding(string What, BadRequest Request, string Answer)
{
    public override string ToString() => $"{What}: {Request} => {Answer}";
}

/// <summary>What a run of the corpus sent and what came back.</summary>
public sealed class BadInputReport
{
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentDictionary<string, int> _routes = new();
    private readonly ConcurrentQueue<BadInputFinding> _serverErrors = new();
    private readonly ConcurrentQueue<BadInputFinding> _notProblems = new();
    private readonly ConcurrentQueue<BadInputFinding> _carriedOut = new();
    private int _tried;

    public int Tried => _tried;

    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    /// <summary>How many requests each route got, by function name.</summary>
    public IReadOnlyDictionary<string, int> Routes => _routes;

    /// <summary>5xx answers, and requests that got no answer at all.</summary>
    public IReadOnlyCollection<BadInputFinding> ServerErrors => _serverErrors;

    /// <summary>4xx answers that are not an application/problem+json naming the problem.</summary>
    public IReadOnlyCollection<BadInputFinding> NotProblems => _notProblems;

    /// <summary>Requests other than GET answered 2xx: where to look first when something stored changed.</summary>
    public IReadOnlyCollection<BadInputFinding> CarriedOut => _carriedOut;

    public void Add(BadRequest request, int status, string? problemFault, string answer)
    {
        Interlocked.Increment(ref _tried);
        _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        _routes.AddOrUpdate(request.Route.Function, 1, (_, n) => n + 1);
        if (status is 0 or >= 500)
            _serverErrors.Enqueue(new BadInputFinding(status == 0 ? "no answer" : $"{status}", request, answer));
        else if (problemFault is not null)
            _notProblems.Enqueue(new BadInputFinding(problemFault, request, answer));
        else if (status is >= 200 and < 300 && !request.Route.IsRead)
            _carriedOut.Enqueue(new BadInputFinding($"{status}", request, answer));
    }

    public string Summary() =>
        $"{Tried:N0} requests over {Routes.Count} routes; answers {string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value:N0}"))}; " +
        $"5xx found: {ServerErrors.Count}; 4xx that are not problems: {NotProblems.Count}.";
}
