using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Domain.Tests.Agents;

public class ReportLimitsTests
{
    [Fact]
    public void A_message_within_the_limit_is_kept_whole() =>
        Assert.Equal("pull failed", ReportLimits.Cut("pull failed"));

    [Fact]
    public void A_longer_message_is_cut_to_the_limit_and_says_so()
    {
        var cut = ReportLimits.Cut(new string('x', 50_000));

        Assert.Equal(ReportLimits.MaxMessageLength, cut.Length);
        Assert.EndsWith("…", cut);
    }
}
