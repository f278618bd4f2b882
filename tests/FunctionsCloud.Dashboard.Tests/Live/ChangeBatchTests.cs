using FunctionsCloud.Dashboard.Live;
using FunctionsCloud.Dashboard.Tests.Support;

namespace FunctionsCloud.Dashboard.Tests.Live;

public sealed class ChangeBatchTests
{
    private const string Services = "/api/app/v1/service/";

    [Fact]
    public void Updates_name_their_objects_and_the_parents_of_children_without_changing_the_list()
    {
        var batch = new ChangeBatch(
            [Changes.Of("service", "update", Changes.ServiceA), Changes.Of("container", "create", Changes.ContainerOfA, "2", Changes.ServiceB, Changes.Node)],
            resync: false);

        Assert.False(batch.ChangesMembersOf(Services));
        Assert.True(batch.ChangesMembersOf("/api/app/v1/container/"));
        Assert.Equal(new HashSet<string> { Changes.ServiceA, Changes.ServiceB }, batch.Named(Services));
    }

    [Theory]
    [InlineData("create")]
    [InlineData("delete")]
    public void A_creation_or_deletion_changes_the_list(string action)
    {
        var batch = new ChangeBatch([Changes.Of("service", action, Changes.ServiceA)], resync: false);

        Assert.True(batch.ChangesMembersOf(Services));
    }

    [Fact]
    public void A_resync_changes_every_list()
    {
        Assert.True(ChangeBatch.Everything.ChangesMembersOf(Services));
        Assert.Empty(ChangeBatch.Everything.Named(Services));
    }
}
