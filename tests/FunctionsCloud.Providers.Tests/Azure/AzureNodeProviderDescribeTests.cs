using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Tests.Azure.Support;

namespace FunctionsCloud.Providers.Tests.Azure;

/// <summary>DescribeNodes reads each VM's provisioningState: how the orchestration awaits the VMs CreateNodes only started.</summary>
public sealed class AzureNodeProviderDescribeTests : IDisposable
{
    private readonly AzureHarness _azure = new();

    public void Dispose() => _azure.Dispose();

    [Fact]
    public async Task Maps_creating_to_pending_succeeded_to_running_with_its_ip_and_failed_to_failed_with_azures_reason()
    {
        var nodes = new[] { AzureHarness.Node(), AzureHarness.Node(), AzureHarness.Node() };
        var created = await _azure.CreateAsync(nodes);
        var provisioned = created.Select(r => new ProvisionedNode(r.NodeUuid, r.ProviderId)).ToArray();

        var whileCreating = await _azure.DescribeAsync(provisioned);
        _azure.Arm.FinishVm(_azure.ResourceGroup, nodes[0].NodeUuid);
        _azure.Arm.FailVm(_azure.ResourceGroup, nodes[1].NodeUuid, "AllocationFailed",
            "Allocation failed. We do not have sufficient capacity for the requested VM size in this region.");
        var settled = await _azure.DescribeAsync(provisioned);

        Assert.All(whileCreating, s => Assert.Equal(NodeProvisioning.Pending, s.State));
        Assert.Equal(NodeProvisioning.Running, settled[0].State);
        Assert.Equal(created[0].PublicIp, settled[0].PublicIp);
        Assert.Equal(created[0].ProviderId, settled[0].ProviderId);
        Assert.Equal(NodeProvisioning.Failed, settled[1].State);
        Assert.Equal("AllocationFailed: Allocation failed. We do not have sufficient capacity for the requested VM size in this region.", settled[1].Error);
        Assert.Equal(NodeProvisioning.Pending, settled[2].State);
        Assert.Contains(_azure.Arm.Requests, r => r.Method == "GET" && r.Query.GetValueOrDefault("$expand") == "instanceView");
        // Describe reads the VM, never the creation's operation status.
        Assert.All(nodes, n => Assert.Equal(0, _azure.Arm.StatusPolls(_azure.VmPath(n.NodeUuid))));
    }

    [Fact]
    public async Task A_vm_azure_does_not_know_or_never_recorded_is_gone()
    {
        var unknown = Guid.NewGuid();

        var statuses = await _azure.DescribeAsync(new ProvisionedNode(unknown, _azure.VmPath(unknown)), new ProvisionedNode(Guid.NewGuid(), null));

        Assert.All(statuses, s => Assert.Equal(NodeProvisioning.Gone, s.State));
    }

    [Fact]
    public async Task Throttled_reads_are_retried_and_a_lasting_outage_is_transient()
    {
        var node = AzureHarness.Node();
        var created = Assert.Single(await _azure.CreateAsync(node));
        var provisioned = new ProvisionedNode(node.NodeUuid, created.ProviderId);
        _azure.Arm.Fail(r => r.Is("GET", $"vm-{node.NodeUuid:D}"), times: 2, 429, FakeArm.Error("TooManyRequests", "Throttled."), ("Retry-After", "0"));

        var status = Assert.Single(await _azure.DescribeAsync(provisioned));
        _azure.Arm.Fail(r => r.Is("GET", $"vm-{node.NodeUuid:D}"), times: 100, 503, FakeArm.Error("ServiceUnavailable", "Try later."));
        var outage = await Assert.ThrowsAsync<ProviderException>(() => _azure.DescribeAsync(provisioned));

        Assert.Equal(NodeProvisioning.Pending, status.State);
        Assert.True(outage.IsTransient);
    }
}
