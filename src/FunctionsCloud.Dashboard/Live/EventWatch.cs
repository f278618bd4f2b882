using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Dashboard.Live;

/// <summary>What a page wants from the event stream: the events it cares about, and to be told when anything may have changed unseen.</summary>
/// <param name="Cares">Whether an event concerns the page (by its type, resource_uri or parents).</param>
/// <param name="Changed">Told each event it cares about.</param>
/// <param name="Resync">Told when events may have been missed (the stream began after the page read): read everything again.</param>
public sealed record EventWatch(Func<ObjectEvent, bool> Cares, Action<ObjectEvent> Changed, Action Resync);
