using System.Text.Json;
using FunctionsCloud.Cli.Commands.Containers;
using FunctionsCloud.Cli.Commands.Services;
using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Cli.Tests.Support;
using FunctionsCloud.Client.Resources;
using Microsoft.Extensions.Time.Testing;

namespace FunctionsCloud.Cli.Tests.Output;

public sealed class ResourceWriterTests
{
    private readonly StringWriter output = new();

    [Fact]
    public void A_table_has_a_header_and_one_unwrapped_line_per_object()
    {
        var web = Samples.Service("web");
        var db = Samples.Service("db-with-a-rather-long-name-that-would-wrap-at-eighty-columns-in-a-pipe", "Partly running", running: 1, target: 2);

        Writer(OutputFormat.Table).List([web, db], ServiceKind.Kind.View);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^NAME\s+UUID\s+STATUS\s+#CONTAINERS\s+IMAGE\s+STRATEGY\s+DEPLOYED", lines[0]);
        Assert.Matches($@"^web\s+{Formats.Short(web.Uuid)}\s+Running\s+3/3\s+functionscloud/busybox:latest\s+EMPTIEST_NODE\s+3 minutes ago", lines[1]);
        Assert.Contains("Partly running   1/2", lines[2]);
        Assert.DoesNotContain('\u001b', output.ToString()); // no colour codes without a terminal
    }

    [Fact]
    public void Quiet_prints_only_uuids()
    {
        var services = new[] { Samples.Service("web"), Samples.Service("db") };
        Writer(OutputFormat.Table).List(services, ServiceKind.Kind.View, quiet: true);
        Assert.Equal(services.Select(s => s.Uuid.ToString("D")), output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Json_is_the_APIs_objects_and_parses_back()
    {
        var web = Samples.Service("web");
        Writer(OutputFormat.Json).List([web], ServiceKind.Kind.View);

        using var document = JsonDocument.Parse(output.ToString());
        var item = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal(web.Uuid.ToString("D"), item.GetProperty("uuid").GetString());
        Assert.Equal("functionscloud/busybox:latest", item.GetProperty("image_name").GetString());
        Assert.Equal(3, item.GetProperty("target_num_containers").GetInt32());
        Assert.Equal("Sun, 01 Mar 2026 11:57:00 +0000", item.GetProperty("deployed_datetime").GetString());
    }

    [Fact]
    public void An_operation_answers_the_uuid_for_people_and_the_object_for_scripts()
    {
        var web = Samples.Service("web");
        Writer(OutputFormat.Table).Done(web, web.Uuid.ToString("D"));
        Assert.Equal(web.Uuid.ToString("D"), output.ToString().Trim());

        var json = new StringWriter();
        Writer(OutputFormat.Json, json).Done(web, web.Uuid.ToString("D"));
        Assert.Equal("web", JsonDocument.Parse(json.ToString()).RootElement.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(2, "just now")]
    [InlineData(30, "30 seconds ago")]
    [InlineData(60, "1 minute ago")]
    [InlineData(7200, "2 hours ago")]
    [InlineData(3 * 86400, "3 days ago")]
    public void Times_read_as_ages(int secondsAgo, string expected) =>
        Assert.Equal(expected, Formats.Ago(Samples.Now.AddSeconds(-secondsAgo), Samples.Now));

    [Fact]
    public void Resource_URIs_read_as_names_and_short_ids()
    {
        Assert.Equal("us-east-1", Formats.LastSegment("/api/infra/v1/region/aws/us-east-1/"));
        Assert.Equal("3f9c21ab", Formats.ShortOf("/api/infra/v1/node/3f9c21ab-0000-4000-8000-000000000000/"));
        Assert.Equal("", Formats.ShortOf(null));
    }

    [Fact]
    public void Ports_read_as_docker_ps_writes_them() =>
        Assert.Equal("32768->80/tcp, 53/udp", ContainerKind.Ports([new ContainerPort("tcp", 80, 32768, true), new ContainerPort("udp", 53, null, false)]));

    private ResourceWriter Writer(OutputFormat format, StringWriter? to = null)
    {
        var clock = new FakeTimeProvider(Samples.Now);
        var cli = new CliOutput(new CliEnvironment { Out = to ?? output, Error = TextWriter.Null, Variable = _ => null, ConfigDirectory = "" });
        return new ResourceWriter(cli, format, clock);
    }
}
