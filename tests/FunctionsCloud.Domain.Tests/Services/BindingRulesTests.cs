using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Tests.Services;

public sealed class BindingRulesTests
{
    [Theory]
    [InlineData(null, "/data", false)]
    [InlineData("/srv/www", "/www", false)]
    [InlineData(null, null, true)]
    public void The_three_kinds_are_accepted(string? hostPath, string? containerPath, bool volumesFrom) =>
        Assert.Null(BindingRules.Problem(hostPath, containerPath, volumesFrom));

    [Theory]
    [InlineData("srv", "/www", false, "host_path 'srv' is not an absolute path")]
    [InlineData(null, "data", false, "container_path 'data' is not an absolute path")]
    [InlineData("/srv", "/www", true, "not both")]
    [InlineData(null, "/www", true, "leave container_path out")]
    [InlineData(null, null, false, "needs a container_path")]
    [InlineData("/srv:/etc", "/www", false, "':'")]
    [InlineData("/srv/../etc", "/www", false, "climbs")]
    [InlineData(null, "/da\nta", false, "control character")]
    public void Other_shapes_are_refused_saying_why(string? hostPath, string? containerPath, bool volumesFrom, string says) =>
        Assert.Contains(says, BindingRules.Problem(hostPath, containerPath, volumesFrom), StringComparison.Ordinal);
}
