using FunctionsCloud.Domain.Services;
using static FunctionsCloud.Domain.Services.ServiceState;

namespace FunctionsCloud.Domain.Tests.Services;

public class ServiceTransitionsTests
{
    [Theory]
    [InlineData(NotRunning, Starting)]
    [InlineData(Stopped, Starting)]
    [InlineData(Running, Stopping)]
    [InlineData(PartlyRunning, Redeploying)]
    [InlineData(Stopped, Scaling)]
    [InlineData(NotRunning, Terminating)]
    public void Legal_moves_have_no_refusal(ServiceState from, ServiceState busy) =>
        Assert.Null(ServiceTransitions.Refusal(from, busy, "changed"));

    [Fact]
    public void A_refusal_says_where_the_service_is_and_where_it_would_have_to_be() =>
        Assert.Equal("The service is Not running; only a service that is Running, Partly running or Stopped can be redeployed.",
            ServiceTransitions.Refusal(NotRunning, Redeploying, "redeployed"));

    [Theory]
    [InlineData(Stopped, Stopping)]
    [InlineData(Terminated, Starting)]
    [InlineData(Terminating, Terminating)]
    [InlineData(NotRunning, Scaling)]
    public void Illegal_moves_are_refused(ServiceState from, ServiceState busy) =>
        Assert.NotNull(ServiceTransitions.Refusal(from, busy, "changed"));
}
