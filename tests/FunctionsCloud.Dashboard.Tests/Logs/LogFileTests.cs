using FunctionsCloud.Client.Resources;
using FunctionsCloud.Dashboard.Logs;

namespace FunctionsCloud.Dashboard.Tests.Logs;

public sealed class LogFileTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 17, 4, 5, TimeSpan.Zero);

    [Fact]
    public void A_line_per_line_with_its_time_stream_and_for_a_service_its_container()
    {
        LogMessage[] lines = [new("log", "hello", "stdout", 1_796_299_200.25, "/api/app/v1/container/c1/", "web-1"), new("log", "oops", "stderr", 1_796_299_201, "/api/app/v1/container/c2/")];

        Assert.Equal("2026-12-03T12:00:00.250000Z stdout web-1 hello\n2026-12-03T12:00:01.000000Z stderr /api/app/v1/container/c2/ oops\n", LogFile.Text(lines, namesContainers: true));
        Assert.Equal("2026-12-03T12:00:00.250000Z stdout hello\n2026-12-03T12:00:01.000000Z stderr oops\n", LogFile.Text(lines, namesContainers: false));
    }

    [Theory]
    [InlineData("web-1", "web-1-20261203-170405.log")]
    [InlineData("../../etc/passwd", "..-..-etc-passwd-20261203-170405.log")]
    [InlineData("日本", "log-20261203-170405.log")]
    public void The_file_is_named_after_the_log_in_safe_characters(string subject, string name) =>
        Assert.Equal(name, LogFile.Name(subject, At));
}
