using Azure.Data.Tables;

namespace FunctionsCloud.Testing.Crashes;

/// <summary>
/// What the Azure Storage backend recorded of a task hub's orchestrations: its Instances table, one row per
/// orchestration, stamped with the time of its last completed step. A stamp after a restart is an orchestration that
/// resumed there.
/// </summary>
public static class TaskHubActivity
{
    /// <summary>The latest step any orchestration of the hub completed, or null when none has.</summary>
    public static async Task<DateTimeOffset?> LastStepAsync(string connectionString, string taskHub)
    {
        var table = new TableClient(connectionString, taskHub + "Instances");
        DateTimeOffset? latest = null;
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["LastUpdatedTime"]))
        {
            if (row.GetDateTimeOffset("LastUpdatedTime") is { } updated && (latest is null || updated > latest))
                latest = updated;
        }

        return latest;
    }
}
