using FunctionsCloud.Cli.Commands.Services;
using FunctionsCloud.Cli.Resources;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Cli.Tests.Support;

namespace FunctionsCloud.Cli.Tests.Resources;

public sealed class IdentifierResolverTests
{
    [Fact]
    public void One_match_is_the_one()
    {
        var web = Samples.Service("web");
        Assert.Same(web, IdentifierResolver.Choose(ServiceKind.Kind, "web", [web]));
    }

    [Fact]
    public void A_live_object_wins_over_ended_ones_of_the_same_name()
    {
        var old = Samples.Service("web", "Terminated");
        var current = Samples.Service("web", "Stopped");
        Assert.Same(current, IdentifierResolver.Choose(ServiceKind.Kind, "web", [old, current]));
        Assert.Same(old, IdentifierResolver.Choose(ServiceKind.Kind, "web", [old]));
    }

    [Fact]
    public void Two_matches_are_ambiguous_and_both_are_named()
    {
        var first = Samples.Service("web");
        var second = Samples.Service("3f9c");

        var refused = Assert.Throws<CliException>(() => IdentifierResolver.Choose(ServiceKind.Kind, "3f9c", [first, second]));

        Assert.Equal(ExitCodes.Ambiguous, refused.ExitCode);
        Assert.Contains($"{first.Uuid.ToString("D")[..8]} (web, Running)", refused.Message);
        Assert.Contains($"{second.Uuid.ToString("D")[..8]} (3f9c, Running)", refused.Message);
    }

    [Fact]
    public void No_match_is_not_found()
    {
        var refused = Assert.Throws<CliException>(() => IdentifierResolver.Choose(ServiceKind.Kind, "nope", []));
        Assert.Equal(ExitCodes.NotFound, refused.ExitCode);
        Assert.Equal("No service 'nope': name it by name, uuid or uuid prefix.", refused.Message);
    }
}
