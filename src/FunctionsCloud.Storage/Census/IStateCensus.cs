namespace FunctionsCloud.Storage.Census;

/// <summary>How many nodes and containers there are in each state, in every namespace; terminated ones are not counted.</summary>
public interface IStateCensus
{
    /// <summary>One scan of each table that reads the State column alone of the rows not Terminated.</summary>
    Task<StateCounts> CountAsync(CancellationToken cancellationToken = default);
}

/// <summary>Counts by state's wire name (<c>Deployed</c>, <c>Running</c>, ...).</summary>
public sealed record StateCounts(IReadOnlyDictionary<string, long> Nodes, IReadOnlyDictionary<string, long> Containers)
{
    public static StateCounts None { get; } = new(new Dictionary<string, long>(), new Dictionary<string, long>());
}
