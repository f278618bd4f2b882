using System.Text.Json;
using FunctionsCloud.Application.Api;

namespace FunctionsCloud.Application.Tests.Api;

public class ApiJsonTests
{
    private sealed record Sample(DateTimeOffset? LastSeen, int TargetNumNodes);

    [Fact]
    public void Dates_are_rfc1123_in_utc_and_fields_snake_case()
    {
        var json = JsonSerializer.Serialize(new Sample(new DateTimeOffset(2015, 12, 7, 17, 40, 14, TimeSpan.FromHours(1)), 3), ApiJson.Options);

        Assert.Equal("""{"last_seen":"Mon, 07 Dec 2015 16:40:14 +0000","target_num_nodes":3}""", json);
    }

    [Fact]
    public void Unset_dates_are_null() =>
        Assert.Contains("\"last_seen\":null", JsonSerializer.Serialize(new Sample(null, 0), ApiJson.Options));
}
