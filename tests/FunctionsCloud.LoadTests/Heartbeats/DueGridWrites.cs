using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Liveness;
using FunctionsCloud.LoadTests.Support;

namespace FunctionsCloud.LoadTests.Heartbeats;

/// <summary>
/// The heartbeats' writes with no app in between, straight to Azurite, paced as the agents: a merge of the node's
/// pointer row, or, when the node's deadline crossed into the next period of its grid, one transaction that also moves
/// its due row (delete and insert), as the liveness store writes them. Run twice in the same run: with every node on
/// one grid of the monitor period (how due rows lay before the phases: every node crosses at the same instant, and the
/// next heartbeat of each is a transaction, all at once) and with each node's own phase, as the app lays them now.
/// </summary>
public sealed class DueGridWrites
{
    private readonly TableClient _table;
    private readonly LivenessPolicy _policy;
    private readonly Node[] _nodes;

    private DueGridWrites(TableClient table, LivenessPolicy policy, Node[] nodes) => (_table, _policy, _nodes) = (table, policy, nodes);

    /// <summary>The rows of <paramref name="count"/> nodes, each last seen now, in a table of their own.</summary>
    /// <param name="phased">Each node on its own phase of the period (the app's grid), else all on one.</param>
    public static async Task<DueGridWrites> CreateAsync(PrivateStorage storage, LivenessPolicy policy, int count, bool phased)
    {
        var table = storage.Tables().GetTableClient($"{storage.TablePrefix}Grid{(phased ? "Phased" : "One")}");
        await table.CreateIfNotExistsAsync();
        var now = DateTimeOffset.UtcNow;
        var nodes = Enumerable.Range(0, count).Select(_ => Guid.NewGuid())
            .Select(uuid => new Node(uuid.ToString("x")[^1..], uuid, phased ? uuid : Guid.Empty)).ToArray();
        var writes = new DueGridWrites(table, policy, nodes);
        await Parallel.ForEachAsync(nodes, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (node, ct) =>
        {
            node.DueTicks = writes.DueAfter(node, now);
            await table.SubmitTransactionAsync([
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Pointer(node, now)),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Due(node, node.DueTicks)),
            ], ct);
        });
        return writes;
    }

    /// <summary>Node <paramref name="i"/>'s heartbeat, as its writes: "merge" or "due-row move".</summary>
    public async Task<string?> BeatAsync(int i)
    {
        var node = _nodes[i % _nodes.Length];
        var now = DateTimeOffset.UtcNow;
        var due = DueAfter(node, now);
        if (due == node.DueTicks)
        {
            await _table.UpdateEntityAsync(Pointer(node, now), ETag.All, TableUpdateMode.Merge);
            return "merge";
        }

        await _table.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(node.Shard, DueKey(node.DueTicks, node)), ETag.All),
            new TableTransactionAction(TableTransactionActionType.Add, Due(node, due)),
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, Pointer(node, now), ETag.All),
        ]);
        node.DueTicks = due;
        return "due-row move";
    }

    private long DueAfter(Node node, DateTimeOffset lastSeen) => _policy.DueAfter(node.PhaseOf, lastSeen, unreachable: false);

    private static TableEntity Pointer(Node node, DateTimeOffset now) => new(node.Shard, $"node|{node.Uuid:D}")
    {
        ["LastSeen"] = now,
        ["Cpu"] = 2,
        ["Memory"] = 4096L,
        ["Disk"] = 60L,
        ["DockerVersion"] = "27.1.0",
        ["DueTicks"] = node.DueTicks,
    };

    private static TableEntity Due(Node node, long ticks) => new(node.Shard, DueKey(ticks, node)) { ["NodeUuid"] = node.Uuid };

    private static string DueKey(long ticks, Node node) => $"due|{ticks:D19}|{node.Uuid:D}";

    /// <param name="PhaseOf">The uuid the grid's phase is taken from: the node's own, or one for all.</param>
    private sealed class Node(string shard, Guid uuid, Guid phaseOf)
    {
        public string Shard { get; } = shard;
        public Guid Uuid { get; } = uuid;
        public Guid PhaseOf { get; } = phaseOf;
        public long DueTicks { get; set; }
    }
}
