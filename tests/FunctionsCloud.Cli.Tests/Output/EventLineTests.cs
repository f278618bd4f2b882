using System.Text.Json;
using FunctionsCloud.Cli.Commands.Events;
using FunctionsCloud.Cli.Output;
using FunctionsCloud.Client.Http;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Tests.Output;

/// <summary>`fc event` prints one line per event: aligned columns for people, one JSON object for scripts.</summary>
public sealed class EventLineTests
{
    private static readonly ObjectEvent Scaled = new(
        "service", "update", "Scaling", "/api/app/v1/service/3b1f0c2d-1111-4222-8333-444455556666/", [],
        Guid.Parse("3b1f0c2d-1111-4222-8333-444455556666"), new DateTimeOffset(2026, 12, 3, 17, 55, 1, TimeSpan.Zero), "42");

    [Fact]
    public async Task People_get_the_time_kind_action_state_short_uuid_and_id_in_columns()
    {
        var writer = new StringWriter();
        await new EventCommand.EventLine(OutputFormat.Table, writer).WriteAsync(Scaled);
        await new EventCommand.EventLine(OutputFormat.Table, writer).WriteAsync(Scaled with { Type = "nodecluster", Action = "create", State = "Init", Id = "43" });

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("2026-12-03T17:55:01Z  service      update  Scaling         3b1f0c2d  42", lines[0]);
        Assert.Equal(lines[0].IndexOf("3b1f0c2d", StringComparison.Ordinal), lines[1].IndexOf("3b1f0c2d", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scripts_get_one_JSON_object_a_line_that_parses_back()
    {
        var writer = new StringWriter();
        await new EventCommand.EventLine(OutputFormat.Json, writer).WriteAsync(Scaled);

        var line = Assert.Single(writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(Scaled, JsonSerializer.Deserialize(line, ApiJson.TypeInfo<ObjectEvent>())! with { Parents = Scaled.Parents });
        Assert.Contains("\"resource_uri\":\"/api/app/v1/service/", line, StringComparison.Ordinal);
    }
}
