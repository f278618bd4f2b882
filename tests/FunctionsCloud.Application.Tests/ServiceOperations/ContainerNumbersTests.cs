using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Application.Tests.ServiceOperations;

public class ContainerNumbersTests
{
    [Fact]
    public void New_containers_take_the_lowest_numbers_no_live_container_has()
    {
        var world = new ServiceWorld();
        var web = world.AddService(4, ServiceState.Running);
        var node = world.AddNode();
        var live = new[] { 1, 3, 4 }.Select(n => world.AddContainer(web, node, n)).ToList();

        Assert.Equal([2, 5, 6], ContainerNumbers.Free(live, 3));
        Assert.Equal([1, 2], ContainerNumbers.Free([], 2));
        Assert.Empty(ContainerNumbers.Free(live, 0));
    }

    [Fact]
    public void A_new_containers_uuid_is_the_same_for_the_same_action_and_number_and_a_valid_v4()
    {
        var action = Guid.NewGuid();

        var uuid = ContainerNumbers.UuidFor(action, 3);

        Assert.Equal(uuid, ContainerNumbers.UuidFor(action, 3));
        Assert.NotEqual(uuid, ContainerNumbers.UuidFor(action, 4));
        Assert.NotEqual(uuid, ContainerNumbers.UuidFor(Guid.NewGuid(), 3));
        Assert.True(Uuid4.IsUuid4(uuid.ToString("D")), uuid.ToString("D"));
    }
}
