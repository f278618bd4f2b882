using System.Text;
using FunctionsCloud.Providers.Azure;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Tests.Azure.Support;

namespace FunctionsCloud.Providers.Tests.Azure;

/// <summary>CreateNodes through the real ArmClient against a loopback ARM: what it sends, and that it returns before the VMs are made.</summary>
public sealed class AzureNodeProviderCreateTests : IDisposable
{
    private readonly AzureHarness _azure = new();

    public void Dispose() => _azure.Dispose();

    [Fact]
    public async Task Creates_the_group_network_ip_nic_and_vm_by_deterministic_names_and_returns_before_the_vm_is_made()
    {
        var node = AzureHarness.Node();

        var result = Assert.Single(await _azure.CreateAsync(node));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(_azure.VmPath(node.NodeUuid), result.ProviderId);
        Assert.StartsWith("20.0.0.", result.PublicIp, StringComparison.Ordinal);
        Assert.StartsWith("functionscloud-web-prod-", _azure.ResourceGroup, StringComparison.Ordinal);
        var puts = _azure.Arm.Requests.Where(r => r.Method == "PUT").Select(r => r.Path.ToLowerInvariant()).ToList();
        string[] expected = [FakeArm.GroupPath(_azure.ResourceGroup), _azure.NsgPath, _azure.VnetPath, _azure.PublicIpPath(node.NodeUuid), _azure.NicPath(node.NodeUuid), _azure.VmPath(node.NodeUuid)];
        Assert.Equal(expected.Select(p => p.ToLowerInvariant()), puts);
        // The VM's long-running operation is left to the orchestration: CreateNodes never polls it.
        Assert.Equal(0, _azure.Arm.StatusPolls(_azure.VmPath(node.NodeUuid)));
        Assert.Equal("Creating", _azure.Arm.ProvisioningState(_azure.VmPath(node.NodeUuid)));
        // The quick network PUTs the VM refers to were awaited, by reading them until Succeeded (not through Retry-After paced status polls).
        Assert.Equal(2, _azure.Sent("GET", _azure.NicPath(node.NodeUuid)).Count);
        Assert.Equal(0, _azure.Arm.StatusPolls(_azure.NicPath(node.NodeUuid)));
    }

    [Fact]
    public async Task Network_resources_use_the_chosen_api_version_without_asking_arm_for_one()
    {
        var node = AzureHarness.Node();

        await _azure.CreateAsync(node);

        var network = _azure.Arm.Requests.Where(r => r.Path.Contains("/Microsoft.Network/", StringComparison.Ordinal) && !r.Path.Contains("/locations/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(network);
        Assert.All(network, r => Assert.Equal(AzureApiVersions.Network, r.ApiVersion));
        Assert.DoesNotContain(_azure.Arm.Requests, r => r.Path.EndsWith("/providers/Microsoft.Network", StringComparison.OrdinalIgnoreCase));
        Assert.All(_azure.Arm.Requests, r => Assert.False(string.IsNullOrEmpty(r.ApiVersion), r.ToString()));
        Assert.All(_azure.Arm.Requests, r => Assert.Equal($"Bearer {FakeArm.AccessToken}", r.Authorization));
    }

    [Fact]
    public async Task The_vm_body_carries_size_disk_image_custom_data_tags_and_delete_options()
    {
        var node = AzureHarness.Node();

        await _azure.CreateAsync(node);

        var vm = Assert.Single(_azure.Sent("PUT", _azure.VmPath(node.NodeUuid))).Json;
        var properties = vm["properties"]!;
        Assert.Equal(AzureHarness.Region, vm["location"]!.GetValue<string>());
        Assert.Equal(AzureHarness.Size, properties["hardwareProfile"]!["vmSize"]!.GetValue<string>());
        var osDisk = properties["storageProfile"]!["osDisk"]!;
        Assert.Equal(AzureHarness.DiskGb, osDisk["diskSizeGB"]!.GetValue<int>());
        Assert.Equal("Delete", osDisk["deleteOption"]!.GetValue<string>());
        Assert.Equal($"osdisk-{node.NodeUuid:D}", osDisk["name"]!.GetValue<string>());
        Assert.Equal("ubuntu-24_04-lts", properties["storageProfile"]!["imageReference"]!["offer"]!.GetValue<string>());
        var os = properties["osProfile"]!;
        Assert.Equal(CloudInit.UserData(node.Bootstrap), Encoding.UTF8.GetString(Convert.FromBase64String(os["customData"]!.GetValue<string>())));
        Assert.Equal($"vm-{node.NodeUuid:D}", os["computerName"]!.GetValue<string>());
        Assert.True(os["linuxConfiguration"]!["disablePasswordAuthentication"]!.GetValue<bool>());
        var key = os["linuxConfiguration"]!["ssh"]!["publicKeys"]![0]!;
        Assert.Equal(AzureHarness.SshPublicKey, key["keyData"]!.GetValue<string>());
        Assert.Equal("/home/functionscloud/.ssh/authorized_keys", key["path"]!.GetValue<string>());
        Assert.Null(os["adminPassword"]);
        var nic = properties["networkProfile"]!["networkInterfaces"]![0]!;
        Assert.Equal(_azure.NicPath(node.NodeUuid), nic["id"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal("Delete", nic["properties"]!["deleteOption"]!.GetValue<string>());
        Assert.Equal(node.NodeUuid.ToString("D"), vm["tags"]![AzureNames.NodeTag]!.GetValue<string>());
        Assert.Equal(_azure.ClusterUuid.ToString("D"), vm["tags"]![AzureNames.ClusterTag]!.GetValue<string>());
    }

    [Fact]
    public async Task The_network_bodies_link_ip_to_nic_to_subnet_to_security_group()
    {
        var node = AzureHarness.Node();

        await _azure.CreateAsync(node);

        var pip = Assert.Single(_azure.Sent("PUT", _azure.PublicIpPath(node.NodeUuid))).Json;
        Assert.Equal("Standard", pip["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("Static", pip["properties"]!["publicIPAllocationMethod"]!.GetValue<string>());
        Assert.Equal("Delete", pip["properties"]!["deleteOption"]!.GetValue<string>());
        Assert.Equal(node.NodeUuid.ToString("D"), pip["tags"]![AzureNames.NodeTag]!.GetValue<string>());
        var ipConfiguration = Assert.Single(_azure.Sent("PUT", _azure.NicPath(node.NodeUuid))).Json["properties"]!["ipConfigurations"]![0]!["properties"]!;
        Assert.Equal(_azure.PublicIpPath(node.NodeUuid), ipConfiguration["publicIPAddress"]!["id"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal($"{_azure.VnetPath}/subnets/{AzureNames.Subnet}", ipConfiguration["subnet"]!["id"]!.GetValue<string>(), ignoreCase: true);
        var subnet = Assert.Single(_azure.Sent("PUT", _azure.VnetPath)).Json["properties"]!["subnets"]![0]!["properties"]!;
        Assert.Equal(_azure.NsgPath, subnet["networkSecurityGroup"]!["id"]!.GetValue<string>(), ignoreCase: true);
        var nsg = Assert.Single(_azure.Sent("PUT", _azure.NsgPath)).Json;
        Assert.Empty(nsg["properties"]!["securityRules"]!.AsArray()); // outbound only: the agent calls out
        var group = Assert.Single(_azure.Sent("PUT", FakeArm.GroupPath(_azure.ResourceGroup))).Json;
        Assert.Equal(_azure.ClusterUuid.ToString("D"), group["tags"]![AzureNames.ClusterTag]!.GetValue<string>());
    }

    [Fact]
    public async Task A_replayed_create_finds_the_same_vms_and_makes_no_second_one()
    {
        var nodes = new[] { AzureHarness.Node(), AzureHarness.Node() };
        var first = await _azure.CreateAsync(nodes);

        var replay = await _azure.CreateAsync(nodes);

        Assert.Equal(first.Select(r => r.ProviderId), replay.Select(r => r.ProviderId));
        Assert.Equal(first.Select(r => r.PublicIp), replay.Select(r => r.PublicIp));
        Assert.All(replay, r => Assert.True(r.Succeeded, r.Error));
        foreach (var node in nodes)
        {
            Assert.Single(_azure.Sent("PUT", _azure.VmPath(node.NodeUuid)));
        }

        Assert.Single(_azure.Sent("PUT", _azure.VnetPath));
        Assert.Single(_azure.Sent("PUT", _azure.NsgPath));
    }

    [Fact]
    public async Task A_create_replayed_after_a_transient_failure_puts_the_same_names_again()
    {
        var node = AzureHarness.Node();
        var attempts = 1 + _azure.Options.RetryAttempts;
        _azure.Arm.Fail(r => r.Is("PUT", $"vm-{node.NodeUuid:D}"), times: attempts, 503, FakeArm.Error("ServiceUnavailable", "The service is temporarily unavailable."));

        var failure = await Assert.ThrowsAsync<ProviderException>(() => _azure.CreateAsync(node));
        var replay = Assert.Single(await _azure.CreateAsync(node));

        Assert.True(failure.IsTransient);
        Assert.Contains("ServiceUnavailable", failure.Message, StringComparison.Ordinal);
        Assert.True(replay.Succeeded, replay.Error);
        Assert.Equal(_azure.VmPath(node.NodeUuid), replay.ProviderId);
        Assert.Equal(attempts + 1, _azure.Sent("PUT", _azure.VmPath(node.NodeUuid)).Count);
        Assert.Equal(2, _azure.Sent("PUT", _azure.PublicIpPath(node.NodeUuid)).Count);
        Assert.Equal(2, _azure.Sent("PUT", _azure.NicPath(node.NodeUuid)).Count);
        Assert.All(_azure.Arm.Requests.Where(r => r.Method == "PUT" && r.Path.Contains("/virtualMachines/", StringComparison.Ordinal)),
            r => Assert.Equal(_azure.VmPath(node.NodeUuid), r.Path)); // one name, whatever the attempt
    }

    [Fact]
    public async Task Throttling_is_retried_after_retry_after_and_then_succeeds()
    {
        var node = AzureHarness.Node();
        _azure.Arm.Fail(r => r.Is("PUT", $"pip-{node.NodeUuid:D}"), times: 1, 429,
            FakeArm.Error("TooManyRequests", "The request is being throttled."), ("Retry-After", "1"));
        var started = DateTimeOffset.UtcNow;

        var result = Assert.Single(await _azure.CreateAsync(node));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, _azure.Sent("PUT", _azure.PublicIpPath(node.NodeUuid)).Count);
        // Retry-After said one second; the configured delay is a millisecond, so the wait shows the header was honoured.
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task A_partial_capacity_failure_fails_only_the_refused_node_with_arms_message_and_removes_its_network()
    {
        var nodes = new[] { AzureHarness.Node(), AzureHarness.Node(), AzureHarness.Node() };
        const string Message = "The requested VM size for resource 'Following SKUs have failed for Capacity Restrictions: Standard_B2s' is currently not available in location 'eastus'.";
        _azure.Arm.Fail(r => r.Is("PUT", $"vm-{nodes[1].NodeUuid:D}"), times: 1, 409, FakeArm.Error("SkuNotAvailable", Message));

        var results = await _azure.CreateAsync(nodes);

        Assert.Equal(nodes.Select(n => n.NodeUuid), results.Select(r => r.NodeUuid));
        Assert.True(results[0].Succeeded, results[0].Error);
        Assert.True(results[2].Succeeded, results[2].Error);
        Assert.False(results[1].Succeeded);
        Assert.Equal($"SkuNotAvailable: {Message}", results[1].Error);
        Assert.Single(_azure.Sent("DELETE", _azure.NicPath(nodes[1].NodeUuid)));
        Assert.Single(_azure.Sent("DELETE", _azure.PublicIpPath(nodes[1].NodeUuid)));
        Assert.False(_azure.Arm.Exists(_azure.NicPath(nodes[1].NodeUuid)));
        Assert.Empty(_azure.Sent("DELETE", _azure.NicPath(nodes[0].NodeUuid)));
    }

    [Fact]
    public async Task A_refused_cluster_network_fails_every_node_of_the_batch_with_arms_message()
    {
        var nodes = new[] { AzureHarness.Node(), AzureHarness.Node() };
        _azure.Arm.Fail(r => r.Is("PUT", AzureNames.VirtualNetwork), times: 1, 400,
            FakeArm.Error("InvalidAddressPrefixFormat", "Address prefix 10.0.0.0/16 of resource vnet-functionscloud is not formatted correctly."));

        var results = await _azure.CreateAsync(nodes);

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.All(results, r => Assert.StartsWith("InvalidAddressPrefixFormat: ", r.Error, StringComparison.Ordinal));
        Assert.DoesNotContain(_azure.Arm.Requests, r => r.Path.Contains("/virtualMachines/", StringComparison.Ordinal));
    }
}
