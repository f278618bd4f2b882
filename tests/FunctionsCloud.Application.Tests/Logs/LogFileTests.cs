using System.Text;
using FunctionsCloud.Application.Logs;
using FunctionsCloud.Domain.Logs;

namespace FunctionsCloud.Application.Tests.Logs;

public sealed class LogFileTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 17, 4, 5, TimeSpan.Zero);
    private static readonly LogSource Web1 = new(Guid.Parse("0b6f3c1e-3b8e-4f7b-9d4c-7c1a2e5f9a10"), Guid.Parse("1c2d3e4f-0000-4000-8000-000000000001"), "web-1");

    [Fact]
    public async Task Text_is_a_line_per_line_with_its_time_stream_and_for_a_service_its_container()
    {
        LogEntry[] lines = [Entry(At.AddTicks(2_500_000), LogLine.Stdout, "hello \u001b[31m"), Entry(At.AddSeconds(1), LogLine.Stderr, "oops")];

        Assert.Equal("2026-12-03T17:04:05.250000Z stdout web-1 hello \u001b[31m\n2026-12-03T17:04:06.000000Z stderr web-1 oops\n", await WriteAsync(lines, LogFileFormat.Text, namesContainers: true));
        Assert.Equal("2026-12-03T17:04:05.250000Z stdout hello \u001b[31m\n2026-12-03T17:04:06.000000Z stderr oops\n", await WriteAsync(lines, LogFileFormat.Text, namesContainers: false));
    }

    [Fact]
    public async Task Ndjson_is_a_log_message_per_line()
    {
        var written = await WriteAsync([Entry(At, LogLine.Stdout, "a \"quoted\" line")], LogFileFormat.Ndjson, namesContainers: false);

        Assert.Equal("{\"type\":\"log\",\"log\":\"a \\\"quoted\\\" line\",\"source\":\"stdout\",\"timestamp\":1796317445,"
            + "\"container\":\"/api/app/v1/container/1c2d3e4f-0000-4000-8000-000000000001/\",\"name\":\"web-1\"}\n", written);
    }

    [Theory]
    [InlineData("web-1", LogFileFormat.Text, "web-1-20261203-170405.log")]
    [InlineData("web-1", LogFileFormat.Ndjson, "web-1-20261203-170405.ndjson")]
    [InlineData("../../etc/passwd", LogFileFormat.Text, "..-..-etc-passwd-20261203-170405.log")]
    [InlineData("日本", LogFileFormat.Text, "log-20261203-170405.log")]
    [InlineData("a\"; x=", LogFileFormat.Text, "a---x-20261203-170405.log")]
    public void The_file_is_named_after_the_log_in_safe_characters(string subject, LogFileFormat format, string name) =>
        Assert.Equal(name, LogFile.Name(subject, At, format));

    private static LogEntry Entry(DateTimeOffset at, string source, string text) => new(Web1, new LogLine(at, source, text), LogPoint.Start, LogPoint.Start);

    private static async Task<string> WriteAsync(IEnumerable<LogEntry> entries, LogFileFormat format, bool namesContainers)
    {
        using var into = new MemoryStream();
        await LogFile.WriteAsync(entries.ToAsyncEnumerable(), format, namesContainers, into, CancellationToken.None);
        return Encoding.UTF8.GetString(into.ToArray());
    }
}
