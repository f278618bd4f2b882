using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Accounts;

/// <summary>What a key may do in its namespace, each role allowing all that the ones before it allow.</summary>
public enum Role
{
    /// <summary>Reads only.</summary>
    [ApiName("read-only")] ReadOnly,

    /// <summary>Runs operations: deploy, scale, start, stop, redeploy, cancel, retry.</summary>
    [ApiName("operator")] Operator,

    /// <summary>Everything, keys and accounts included.</summary>
    [ApiName("admin")] Admin,
}
