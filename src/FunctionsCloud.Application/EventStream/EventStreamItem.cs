using FunctionsCloud.Application.Logs;

namespace FunctionsCloud.Application.EventStream;

/// <summary>
/// What the event stream yields: an event; or, without one, where the stream stands (its first item, so that a client
/// that received no event yet still reconnects from there) or a poll that found nothing.
/// </summary>
public sealed record EventStreamItem(EventMessage? Message, string? Position = null) : IStreamItem
{
    public static readonly EventStreamItem Nothing = new((EventMessage?)null);

    public string? Id => Message?.Id ?? Position;

    public object? Data => Message;
}
