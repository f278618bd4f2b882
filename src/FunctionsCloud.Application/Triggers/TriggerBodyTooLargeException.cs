namespace FunctionsCloud.Application.Triggers;

/// <summary>The call's body is larger than the limit (413). Nothing was done.</summary>
public sealed class TriggerBodyTooLargeException(int maxBytes)
    : Exception($"The request body is larger than {maxBytes} bytes.");
