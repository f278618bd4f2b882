namespace FunctionsCloud.Storage.Commands;

public enum CommandReceiptState
{
    /// <summary>A delivery is handling it (or failed before it could say how it went).</summary>
    Received,
    Accepted,
    Rejected,
}
