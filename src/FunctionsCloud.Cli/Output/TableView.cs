namespace FunctionsCloud.Cli.Output;

/// <summary>A column of a list: its header and how a row's value reads (given the time now, for ages).</summary>
public sealed record Column<T>(string Header, Func<T, DateTimeOffset, string> Value)
{
    public Column(string header, Func<T, string> value) : this(header, (item, _) => value(item))
    {
    }
}

/// <summary>How one kind of object is listed: the id <c>-q</c> prints, and the table's columns.</summary>
public sealed record TableView<T>(Func<T, string> Id, IReadOnlyList<Column<T>> Columns);
