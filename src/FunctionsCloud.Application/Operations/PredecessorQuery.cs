namespace FunctionsCloud.Application.Operations;

/// <summary>The operation a terminate took over (<see cref="Predecessor"/>) and the terminate (<see cref="Successor"/>), as the takeover's activities are asked.</summary>
public sealed record PredecessorQuery(string Namespace, Guid Predecessor, Guid Successor)
{
    public string PredecessorInstanceId => Predecessor.ToString("D");

    public string SuccessorInstanceId => Successor.ToString("D");
}
