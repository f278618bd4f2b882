using System.Text.Json;
using FunctionsCloud.Client.Http;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FunctionsCloud.Cli.Output;

/// <summary>Writes what commands answer to stdout: a table, ids only (<c>-q</c>), or the API's objects as JSON.</summary>
public sealed class ResourceWriter(CliOutput output, OutputFormat format, TimeProvider clock)
{
    public OutputFormat Format => format;

    public void List<T>(IReadOnlyList<T> items, TableView<T> view, bool quiet = false)
    {
        if (quiet)
            foreach (var item in items)
                output.OutWriter.WriteLine(view.Id(item));
        else if (format == OutputFormat.Json)
            WriteJson(writer => WriteArray(writer, items));
        else
            output.Out.Write(Table(items, view, clock.GetUtcNow()));
    }

    /// <summary>One object in full, as JSON whatever the format (as <c>docker inspect</c> does).</summary>
    public void Inspect<T>(T item) => WriteJson(writer => JsonSerializer.Serialize(writer, item, ApiJson.TypeInfo<T>()));

    /// <summary>What an operation answers: the object's id for people and <c>-q</c>, the object for JSON.</summary>
    public void Done<T>(T item, string id)
    {
        if (format == OutputFormat.Json)
            Inspect(item);
        else
            output.OutWriter.WriteLine(id);
    }

    /// <summary>Lines of text as they are (an action's log, an install command).</summary>
    public void Text(string text) => output.OutWriter.WriteLine(text.TrimEnd('\n'));

    public static Table Table<T>(IReadOnlyList<T> items, TableView<T> view, DateTimeOffset now)
    {
        var table = new Table().NoBorder().HideRowSeparators();
        foreach (var column in view.Columns)
            table.AddColumn(new TableColumn(new Text(column.Header)).PadLeft(0).PadRight(3));
        foreach (var item in items)
            table.AddRow(view.Columns.Select(c => (IRenderable)new Text(c.Value(item, now))));
        return table;
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, IReadOnlyList<T> items)
    {
        var type = ApiJson.TypeInfo<T>();
        writer.WriteStartArray();
        foreach (var item in items)
            JsonSerializer.Serialize(writer, item, type);
        writer.WriteEndArray();
    }

    private void WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            write(writer);
        output.OutWriter.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
