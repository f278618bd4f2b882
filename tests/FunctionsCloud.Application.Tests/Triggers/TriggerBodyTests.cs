using System.Text;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Application.Triggers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Triggers;

namespace FunctionsCloud.Application.Tests.Triggers;

public class TriggerBodyTests
{
    [Fact]
    public async Task The_latest_trigger_body_reaches_the_container_spec_last_so_it_wins()
    {
        var world = new ServiceWorld();
        var service = world.AddService(1, ServiceState.Running);
        service.ContainerEnvvars = [new EnvironmentVariable(TriggerRules.BodyVariable, "from the service"), new EnvironmentVariable("A", "1")];
        service.TriggerBody = "{\"tag\":\"v2\"}";
        var builder = new ContainerSpecBuilder(world.Containers, new ServiceNodes(world.Nodes));

        var spec = await builder.BuildAsync(service, CancellationToken.None);

        Assert.Equal((TriggerRules.BodyVariable, "{\"tag\":\"v2\"}"), (spec.Environment[^1].Key, spec.Environment[^1].Value));
    }

    [Fact]
    public async Task Without_a_trigger_call_there_is_no_trigger_body()
    {
        var world = new ServiceWorld();
        var service = world.AddService(1, ServiceState.Running);

        var spec = await new ContainerSpecBuilder(world.Containers, new ServiceNodes(world.Nodes)).BuildAsync(service, CancellationToken.None);

        Assert.DoesNotContain(spec.Environment, v => v.Key == TriggerRules.BodyVariable);
    }

    [Fact]
    public async Task A_body_up_to_the_limit_is_read_as_text_and_one_byte_more_is_refused()
    {
        Assert.Equal("abcd", await TriggerBodyReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("abcd")), 4, CancellationToken.None));
        await Assert.ThrowsAsync<TriggerBodyTooLargeException>(() =>
            TriggerBodyReader.ReadAsync(new MemoryStream(new byte[5]), 4, CancellationToken.None));
    }
}
