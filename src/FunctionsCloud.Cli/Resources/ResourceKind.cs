using FunctionsCloud.Cli.Output;
using FunctionsCloud.Client;
using FunctionsCloud.Client.Operations;

namespace FunctionsCloud.Cli.Resources;

/// <summary>
/// What the generic commands (ls, inspect, operations, rm) and name resolution need to know of one kind of object.
/// </summary>
/// <param name="Name">The object's name, for kinds that have one (nodes and actions are named by uuid only).</param>
/// <param name="Example">How an object of this kind is named in the help's examples.</param>
public sealed record ResourceKind<T>(
    string Noun,
    Func<FunctionsCloudClient, ResourceClient<T>> Client,
    Func<T, Guid> Uuid,
    Func<T, string> ResourceUri,
    Func<T, string?>? Name,
    Func<T, string> State,
    TableView<T> View,
    string Example)
{
    /// <summary>Objects kept in lists after they have ended; they give way to live ones of the same name.</summary>
    public const string Terminated = "Terminated";

    public string Id(T item) => Uuid(item).ToString("D");

    public string Describe(T item) => Name?.Invoke(item) is { } name
        ? $"{Formats.Short(Uuid(item))} ({name}, {State(item)})"
        : $"{Formats.Short(Uuid(item))} ({State(item)})";
}
