using FunctionsCloud.Providers.Azure;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Tests.Azure.Support;

namespace FunctionsCloud.Providers.Tests.Azure;

/// <summary>TerminateNodes starts the VMs' deletion (their NIC, disk and IP go with them) and the group's when the last VM goes.</summary>
public sealed class AzureNodeProviderTerminateTests : IDisposable
{
    private readonly AzureHarness _azure = new();

    public void Dispose() => _azure.Dispose();

    [Fact]
    public async Task Starts_deleting_the_vms_and_keeps_the_group_while_other_vms_remain()
    {
        var nodes = new[] { AzureHarness.Node(), AzureHarness.Node() };
        var created = await _azure.CreateAsync(nodes);
        _azure.Arm.FinishVm(_azure.ResourceGroup, nodes[0].NodeUuid);
        _azure.Arm.FinishVm(_azure.ResourceGroup, nodes[1].NodeUuid);

        var result = Assert.Single(await _azure.TerminateAsync(new ProvisionedNode(nodes[0].NodeUuid, created[0].ProviderId)));

        Assert.True(result.Succeeded, result.Error);
        Assert.Single(_azure.Sent("DELETE", _azure.VmPath(nodes[0].NodeUuid)));
        Assert.Equal(0, _azure.Arm.StatusPolls(_azure.VmPath(nodes[0].NodeUuid))); // started, not awaited
        Assert.Empty(_azure.Sent("DELETE", _azure.NicPath(nodes[0].NodeUuid)));     // the VM's delete options take it
        Assert.Empty(_azure.Sent("DELETE", FakeArm.GroupPath(_azure.ResourceGroup)));
        Assert.Equal("Succeeded", _azure.Arm.ProvisioningState(_azure.VmPath(nodes[1].NodeUuid)));
    }

    [Fact]
    public async Task Deletes_the_resource_group_when_the_clusters_last_vms_go()
    {
        var nodes = new[] { AzureHarness.Node(), AzureHarness.Node() };
        var created = await _azure.CreateAsync(nodes);

        var results = await _azure.TerminateAsync(created.Select(r => new ProvisionedNode(r.NodeUuid, r.ProviderId)).ToArray());

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Single(_azure.Sent("DELETE", FakeArm.GroupPath(_azure.ResourceGroup)));
        Assert.Contains(_azure.Arm.Requests, r => r.Method == "GET" && r.Path.EndsWith("/providers/Microsoft.Compute/virtualMachines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_vm_already_gone_counts_as_terminated_and_its_leftover_nic_and_ip_are_removed()
    {
        var gone = Guid.NewGuid();
        var alive = AzureHarness.Node();
        await _azure.CreateAsync(alive);
        _azure.Arm.Seed(_azure.NicPath(gone), "Succeeded");
        _azure.Arm.Seed(_azure.PublicIpPath(gone), "Succeeded");

        var result = Assert.Single(await _azure.TerminateAsync(new ProvisionedNode(gone, _azure.VmPath(gone))));

        Assert.True(result.Succeeded, result.Error);
        Assert.Single(_azure.Sent("DELETE", _azure.VmPath(gone))); // answered 404
        Assert.Single(_azure.Sent("DELETE", _azure.NicPath(gone)));
        Assert.Single(_azure.Sent("DELETE", _azure.PublicIpPath(gone)));
        Assert.False(_azure.Arm.Exists(_azure.NicPath(gone)));
    }

    [Fact]
    public async Task Without_a_provider_id_the_clusters_group_is_found_by_its_tag()
    {
        var node = AzureHarness.Node();
        await _azure.CreateAsync(node);
        for (var i = 0; i < 3; i++)
        {
            _azure.Arm.Seed(FakeArm.GroupPath($"aaa-other-{i}"), "Succeeded", new() { [AzureNames.ClusterTag] = Guid.NewGuid().ToString() });
        }


        var result = Assert.Single(await _azure.TerminateAsync(new ProvisionedNode(node.NodeUuid, null)));

        Assert.True(result.Succeeded, result.Error);
        Assert.Single(_azure.Sent("DELETE", _azure.VmPath(node.NodeUuid)));
        var listing = Assert.Single(_azure.Arm.Requests, r => r.Method == "GET" && r.Path.EndsWith("/resourcegroups", StringComparison.OrdinalIgnoreCase));
        Assert.Equal($"tagName eq '{AzureNames.ClusterTag}' and tagValue eq '{_azure.ClusterUuid:D}'", listing.Query["$filter"]);
    }

    [Theory]
    [InlineData(2, 2, false)] // pages 2 and 3: the third VM stays, so reading stops there
    [InlineData(4, 3, true)]  // every page: all four are being deleted
    public async Task The_last_vm_check_reads_every_page_of_the_groups_vms(int leaving, int nextPages, bool groupDeleted)
    {
        var nodes = Enumerable.Range(0, 4).Select(_ => AzureHarness.Node()).ToArray();
        var created = await _azure.CreateAsync(nodes);
        foreach (var node in nodes)
        {
            _azure.Arm.FinishVm(_azure.ResourceGroup, node.NodeUuid);
        }

        _azure.Arm.PageSize = 1;
        // The staying VMs sort last, so only reading past the first pages finds them.
        var leavingNodes = created.OrderBy(r => r.ProviderId, StringComparer.Ordinal).Take(leaving).Select(r => new ProvisionedNode(r.NodeUuid, r.ProviderId)).ToArray();

        var results = await _azure.TerminateAsync(leavingNodes);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var pages = _azure.Arm.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/virtualMachines", StringComparison.Ordinal)).ToList();
        Assert.Equal(nextPages, pages.Count(r => r.Query.ContainsKey("$skiptoken"))); // followed nextLink
        Assert.Equal(groupDeleted ? 1 : 0, _azure.Sent("DELETE", FakeArm.GroupPath(_azure.ResourceGroup)).Count);
    }

    [Fact]
    public async Task A_refused_deletion_fails_that_node_with_arms_message()
    {
        var nodes = new[] { AzureHarness.Node(), AzureHarness.Node() };
        var created = await _azure.CreateAsync(nodes);
        _azure.Arm.Fail(r => r.Is("DELETE", $"vm-{nodes[0].NodeUuid:D}"), times: 1, 409,
            FakeArm.Error("ScopeLocked", "The scope cannot perform delete operation because following scope(s) are locked."));

        var results = await _azure.TerminateAsync(created.Select(r => new ProvisionedNode(r.NodeUuid, r.ProviderId)).ToArray());

        Assert.False(results[0].Succeeded);
        Assert.StartsWith("ScopeLocked: ", results[0].Error, StringComparison.Ordinal);
        Assert.True(results[1].Succeeded, results[1].Error);
        Assert.Empty(_azure.Sent("DELETE", FakeArm.GroupPath(_azure.ResourceGroup))); // a VM is still there
    }
}
