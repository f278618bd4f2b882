namespace FunctionsCloud.Domain.Catalog;

/// <summary>The providers FunctionsCloud knows, with the regions and sizes users actually pick.</summary>
internal static class DefaultCatalog
{
    public const string PacketShutdown =
        "Equinix Metal (formerly Packet) shut down on 2026-06-30; bring those hosts in as your own nodes (BYON) instead.";

    public static ProviderCatalog Build()
    {
        var builder = new Builder();
        builder.Provider("local", "This machine")
            // One zone: the machine itself.
            .Region("local", "Local", ["local"])
            .Size("local", "Local agent process", cpu: Environment.ProcessorCount, memoryGb: 1);

        builder.Provider("aws", "Amazon Web Services")
            .Region("us-east-1", "US East (N. Virginia)", ["us-east-1a", "us-east-1b", "us-east-1c"])
            .Region("us-west-2", "US West (Oregon)", ["us-west-2a", "us-west-2b", "us-west-2c"])
            .Region("eu-west-1", "EU (Ireland)", ["eu-west-1a", "eu-west-1b", "eu-west-1c"])
            .Region("eu-central-1", "EU (Frankfurt)", ["eu-central-1a", "eu-central-1b", "eu-central-1c"])
            .Region("ap-southeast-1", "Asia Pacific (Singapore)", ["ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c"])
            .Size("t3.micro", "t3.micro", 2, 1).Size("t3.small", "t3.small", 2, 2).Size("t3.medium", "t3.medium", 2, 4)
            .Size("t3.large", "t3.large", 2, 8).Size("m6i.large", "m6i.large", 2, 8).Size("m6i.xlarge", "m6i.xlarge", 4, 16)
            .Size("c6i.large", "c6i.large", 2, 4);

        builder.Provider("azure", "Microsoft Azure")
            .Region("eastus", "East US", []).Region("westus2", "West US 2", [])
            .Region("westeurope", "West Europe", []).Region("northeurope", "North Europe", [])
            .Region("southeastasia", "Southeast Asia", [])
            .Size("Standard_B1s", "B1s", 1, 1).Size("Standard_B2s", "B2s", 2, 4)
            .Size("Standard_D2s_v5", "D2s v5", 2, 8).Size("Standard_D4s_v5", "D4s v5", 4, 16);

        builder.Provider("digitalocean", "DigitalOcean")
            .Region("nyc1", "New York 1", []).Region("nyc3", "New York 3", []).Region("sfo3", "San Francisco 3", [])
            .Region("ams3", "Amsterdam 3", []).Region("fra1", "Frankfurt 1", []).Region("lon1", "London 1", [])
            .Region("sgp1", "Singapore 1", [])
            .Size("s-1vcpu-1gb", "1 GB / 1 CPU", 1, 1).Size("s-1vcpu-2gb", "2 GB / 1 CPU", 1, 2)
            .Size("s-2vcpu-4gb", "4 GB / 2 CPUs", 2, 4).Size("s-4vcpu-8gb", "8 GB / 4 CPUs", 4, 8);

        builder.Provider("softlayer", "IBM SoftLayer")
            .Region("dal13", "Dallas 13", []).Region("wdc07", "Washington 7", [])
            .Region("fra02", "Frankfurt 2", []).Region("lon06", "London 6", [])
            .Size("B1_1X2X25", "1 CPU / 2 GB", 1, 2).Size("B1_2X4X25", "2 CPUs / 4 GB", 2, 4)
            .Size("B1_4X8X25", "4 CPUs / 8 GB", 4, 8);

        builder.Provider("packet", "Packet", PacketShutdown)
            .Region("ewr1", "Parsippany, NJ", []).Region("sjc1", "Sunnyvale, CA", []).Region("ams1", "Amsterdam", [])
            .Size("baremetal_0", "Type 0", 4, 8).Size("baremetal_1", "Type 1", 4, 32);

        builder.Provider(ByonCatalog.Provider, "Your own hosts", ByonCatalog.NotForClusters)
            .Region(ByonCatalog.Region, "Your own hosts", [])
            .Size(ByonCatalog.NodeType, "Your own host", 0, 0);

        return builder.Build();
    }

    /// <summary>Every size of a provider is offered in every region of that provider.</summary>
    private sealed class Builder
    {
        private readonly List<(string Name, string Label, string? Unavailable, List<(string Name, string Label, string[] Zones)> Regions, List<(string Name, string Label, int Cpu, double MemoryGb)> Sizes)> _providers = [];

        public Builder Provider(string name, string label, string? unavailableReason = null)
        {
            _providers.Add((name, label, unavailableReason, [], []));
            return this;
        }

        public Builder Region(string name, string label, string[] zones)
        {
            _providers[^1].Regions.Add((name, label, zones));
            return this;
        }

        public Builder Size(string name, string label, int cpu, double memoryGb)
        {
            _providers[^1].Sizes.Add((name, label, cpu, memoryGb));
            return this;
        }

        public ProviderCatalog Build()
        {
            var providers = new List<CloudProvider>();
            var nodeTypes = new List<NodeType>();
            foreach (var p in _providers)
            {
                var sizeNames = p.Sizes.Select(s => s.Name).ToList();
                var regionNames = p.Regions.Select(r => r.Name).ToList();
                providers.Add(new CloudProvider(p.Name, p.Label,
                    p.Regions.Select(r => new Region(p.Name, r.Name, r.Label, sizeNames, r.Zones)).ToList(), p.Unavailable));
                nodeTypes.AddRange(p.Sizes.Select(s => new NodeType(p.Name, s.Name, s.Label, s.Cpu, s.MemoryGb, regionNames)));
            }

            return new ProviderCatalog(providers, nodeTypes);
        }
    }
}
