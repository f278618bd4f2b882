using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Querying;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Actions;

[Collection(AzuriteCollection.Name)]
public sealed class ActionStoreTests
{
    private readonly TestStorage _storage = new(AzuriteFixture.UniquePrefix());

    [Fact]
    public async Task Every_field_round_trips()
    {
        var action = Samples.Action();
        PropertyAssert.NoDefaults(action, nameof(ActionRecord.Version));

        await _storage.Actions.CreateAsync(action);
        var stored = await _storage.Actions.GetAsync(action.Namespace, action.Uuid);

        Assert.NotNull(stored);
        PropertyAssert.AllEqual(action, stored);
    }

    [Fact]
    public async Task A_system_action_without_end_round_trips()
    {
        var action = new ActionRecord
        {
            Uuid = Guid.NewGuid(),
            Namespace = Samples.Namespace,
            Object = "/api/infra/v1/node/x/",
            Action = "Node Health Check",
            Method = "",
            Path = "",
            User = "",
            IsUserAction = false,
        };

        await _storage.Actions.CreateAsync(action);

        PropertyAssert.AllEqual(action, await _storage.Actions.GetAsync(action.Namespace, action.Uuid));
    }

    [Fact]
    public async Task Two_copies_conflict_and_the_first_write_stays()
    {
        var action = Samples.Action();
        await _storage.Actions.CreateAsync(action);
        var first = (await _storage.Actions.GetAsync(action.Namespace, action.Uuid))!;
        var second = (await _storage.Actions.GetAsync(action.Namespace, action.Uuid))!;

        first.MoveTo(ActionState.Success);
        await _storage.Actions.UpdateAsync(first);
        second.MoveTo(ActionState.Failed);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _storage.Actions.UpdateAsync(second));
        Assert.Equal(ActionState.Success, (await _storage.Actions.GetAsync(action.Namespace, action.Uuid))!.State);
    }

    [Fact]
    public async Task Concurrent_log_appends_all_land()
    {
        var action = Samples.Action();
        await _storage.Actions.CreateAsync(action);

        await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            _storage.Actions.UpdateAsync(action.Namespace, action.Uuid, a => a.AppendLog(Samples.At(i), $"step {i}"))));

        var logs = (await _storage.Actions.GetAsync(action.Namespace, action.Uuid))!.Logs;
        Assert.All(Enumerable.Range(1, 6), i => Assert.Contains($"step {i}\n", logs, StringComparison.Ordinal));
        Assert.Contains("Creating 3 nodes", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_at_their_maximum_length_fit_in_the_row()
    {
        var action = Samples.Action();
        while (action.Logs.Length < ActionRecord.MaxLogLength - 100)
            action.AppendLog(Samples.At(5), new string('x', 200));

        await _storage.Actions.CreateAsync(action);

        Assert.Equal(action.Logs, (await _storage.Actions.GetAsync(action.Namespace, action.Uuid))!.Logs);
    }

    [Fact]
    public async Task Actions_filter_on_state_object_and_action()
    {
        var create = Samples.Action();
        var scale = new ActionRecord
        {
            Uuid = Guid.NewGuid(),
            Namespace = Samples.Namespace,
            Object = create.Object,
            Action = "Cluster Scale",
            Method = "PATCH",
            Path = create.Object,
            User = "alice",
        };
        await _storage.Actions.CreateAsync(create);
        await _storage.Actions.CreateAsync(scale);

        var inProgress = await _storage.Actions.ListAsync(Samples.Namespace, TableQuery.All.Where("state", "In progress"), 0, 10);
        var onObject = await _storage.Actions.ListAsync(Samples.Namespace, TableQuery.All.Where("object", create.Object), 0, 10);
        var scales = await _storage.Actions.ListAsync(Samples.Namespace, TableQuery.All.Where("action", "Cluster Scale").Where("state", "pending"), 0, 10);

        Assert.Equal(create.Uuid, Assert.Single(inProgress.Items).Uuid);
        Assert.Equal(2, onObject.TotalCount);
        Assert.Equal(scale.Uuid, Assert.Single(scales.Items).Uuid);
    }

    [Fact]
    public async Task The_action_a_request_path_made_on_an_object_is_found_by_both()
    {
        const string Service = "/api/app/v1/service/7d5e0f2a-0000-4000-8000-000000000001/";
        var wanted = Samples.Action(objectUri: Service, path: "queue://commands/m-2");
        var sameObject = Samples.Action(objectUri: Service, path: "queue://commands/m-1");
        var samePath = Samples.Action(path: "queue://commands/m-2");
        foreach (var action in new[] { sameObject, samePath, wanted })
            await _storage.Actions.CreateAsync(action);

        Assert.Equal(wanted.Uuid, (await _storage.Actions.FindAsync(Samples.Namespace, Service, "queue://commands/m-2"))?.Uuid);
        Assert.Null(await _storage.Actions.FindAsync(Samples.Namespace, Service, "queue://commands/m-3"));
        Assert.Null(await _storage.Actions.FindAsync("other", Service, "queue://commands/m-2"));
    }

    [Fact]
    public async Task Actions_made_in_the_same_second_have_short_ids_of_their_own_and_list_newest_first()
    {
        var t0 = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var made = Enumerable.Range(0, 12).Select(i => Samples.Action(uuid: Uuid4.NewestFirst(t0.AddMilliseconds(i * 50)))).ToList();
        foreach (var action in made)
            await _storage.Actions.CreateAsync(action);

        var listed = await _storage.Actions.ListAsync(Samples.Namespace, TableQuery.All, 0, 100);

        Assert.Equal(made.Select(a => a.Uuid).Reverse(), listed.Items.Select(a => a.Uuid));
        foreach (var action in made)
        {
            var shortId = action.Uuid.ToString("D")[..8];
            var found = await _storage.Actions.ListAsync(Samples.Namespace, TableQuery.All.WhereStartsWith("uuid", shortId), 0, 100);
            Assert.Equal(action.Uuid, Assert.Single(found.Items).Uuid);
            Assert.Equal(action.Uuid, (await _storage.Actions.GetAsync(Samples.Namespace, action.Uuid))!.Uuid);
        }
    }
}
