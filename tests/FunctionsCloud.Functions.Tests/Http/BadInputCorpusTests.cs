using FunctionsCloud.Testing;
using FunctionsCloud.Testing.BadInput;

namespace FunctionsCloud.Functions.Tests.Http;

/// <summary>
/// The bad-input corpus, a short seeded run: generated malformed paths, queries, bodies and credentials on every route
/// of the app, against one app. The load tool's <c>badinput</c> command sends many more (see the README's Numbers).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BadInputCorpusTests(BadInputCorpusTests.CorpusRun run) : IClassFixture<BadInputCorpusTests.CorpusRun>
{
    private const int RequestsPerRoute = 30;
    private const ulong Seed = 20261203;

    [Fact]
    public void Every_route_got_its_share_of_bad_requests()
    {
        Assert.Equal(HttpRoute.All.Select(r => r.Function).ToHashSet(), run.Report.Routes.Keys.ToHashSet());
        Assert.All(run.Report.Routes, route => Assert.True(route.Value >= RequestsPerRoute, $"{route.Key}: {route.Value}"));
        // The refusals every short run reaches: bad input, bad credentials, unknown objects, wrong media types (a 414
        // for an overlong URL is rarer, and which seed reaches it changes as routes are added).
        Assert.True(new HashSet<int> { 400, 401, 404, 415 }.IsSubsetOf(run.Report.Statuses.Keys), run.Report.Summary());
    }

    [Fact]
    public void No_bad_request_gets_a_5xx() =>
        Assert.True(run.Report.ServerErrors.Count == 0, Findings(run.Report.ServerErrors));

    [Fact]
    public void Every_4xx_is_a_problem_naming_what_was_refused() =>
        Assert.True(run.Report.NotProblems.Count == 0, Findings(run.Report.NotProblems));

    [Fact]
    public void Nothing_stored_changed() =>
        Assert.True(run.Changes.Count == 0, $"{run.Changes.Count} rows changed:\n{string.Join("\n", run.Changes.Take(30))}\n" +
                                            $"Requests carried out:\n{string.Join("\n", run.Report.CarriedOut.Take(20))}");

    /// <summary>The summary, then one example of each kind of finding on each route.</summary>
    private string Findings(IReadOnlyCollection<BadInputFinding> findings) =>
        $"{run.Report.Summary()} (seed {Seed})\n" +
        string.Join("\n", findings.GroupBy(f => (f.What, f.Request.Route.Function)).Select(g => $"{g.Count()} x {g.First()}"));

    /// <summary>One app, its objects, the corpus sent once, and the rows before and after.</summary>
    public sealed class CorpusRun : IAsyncLifetime
    {
        private FunctionsCloudTestHost _app = null!;

        public BadInputReport Report { get; private set; } = null!;

        public IReadOnlyList<string> Changes { get; private set; } = [];

        public async Task InitializeAsync()
        {
            _app = await FunctionsCloudTestHost.StartAsync();
            var world = await BadInputWorld.CreateAsync(_app);
            var before = await StoredRows.ReadAsync(AzuriteFixture.ConnectionString, _app.TablePrefix);
            Report = await BadInputRun.RunAsync(_app.Host.BaseAddress, world, RequestsPerRoute, Seed, parallelism: 4);
            Changes = (await StoredRows.ReadAsync(AzuriteFixture.ConnectionString, _app.TablePrefix)).ChangesSince(before);
        }

        public async Task DisposeAsync() => await _app.DisposeAsync();
    }
}
