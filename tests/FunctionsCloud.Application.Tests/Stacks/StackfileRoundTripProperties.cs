using CsCheck;
using FunctionsCloud.Application.Stacks.Stackfiles;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Application.Tests.Stacks;

/// <summary>Any stack's services, written as a stackfile and read back, are the same services.</summary>
public class StackfileRoundTripProperties
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private static readonly Gen<string> Text = Gen.String[Gen.Char[Letters + Digits + " :#'\"{}[],&*!|>%@`\\-=\n\t\u00e9\u4e2d"], 0, 20];
    private static readonly Gen<string> Word = Gen.String[Gen.Char[Letters + Digits + " '\"$-"], 1, 8];

    private static readonly string[] Images = ["busybox", "functionscloud/busybox", "registry.example.com:5000/team/app:1.2"];

    /// <summary>Named volumes and host paths (read-only or not), one binding per container path.</summary>
    private static readonly Gen<IReadOnlyList<ServiceBinding>> Volumes =
        Gen.Select(Gen.Int[0, 9], Gen.Bool, Gen.Bool, Gen.String[Gen.Char[Letters + Digits + "_ -"], 1, 12])
            .Select(v => v.Item2 ? ServiceBinding.Host($"/host/{v.Item4}", $"/c{v.Item1}", v.Item3) : ServiceBinding.Volume($"/c{v.Item1}") with { Rewritable = v.Item3 })
            .List[0, 3].Select(list => (IReadOnlyList<ServiceBinding>)list.DistinctBy(b => b.ContainerPath).ToList());

    private static Gen<long?> Maybe(Gen<long> values) => Gen.Select(Gen.Bool, values, (given, value) => given ? value : (long?)null);

    private static readonly Gen<Service> Services =
        Gen.Select(
            Gen.Select(Gen.Int[0, 2].Select(i => Images[i]),
                Word.List[0, 4].Select(w => w.Count == 0 ? null : (IReadOnlyList<string>)w), Word.List[0, 3].Select(w => w.Count == 0 ? null : (IReadOnlyList<string>)w),
                Gen.Select(Gen.String[Gen.Char[Letters.ToUpperInvariant() + "_"], 1, 8], Text, (k, v) => new EnvironmentVariable(k, v)).List[0, 4]),
            Gen.Select(Gen.Int[1, 65535], Gen.Bool, Gen.Bool, Gen.Int[1, 65535]).List[0, 3],
            Gen.Select(Gen.Int[0, 10], Gen.Enum<DeploymentStrategy>(), Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz" + Digits + "=."], 1, 10].List[0, 3], Gen.Enum<Autorestart>()),
            Gen.Select(Gen.Enum<Autodestroy>(), Gen.Bool, Gen.Bool, Maybe(Gen.Long[1, 4096]), Maybe(Gen.Long[2, 262144])),
            Gen.Select(Gen.Bool, Gen.Enum<NetworkMode>(), Gen.Enum<PidMode>(), Volumes),
            (basics, ports, placement, rest, engine) => new Service
            {
                Uuid = Guid.NewGuid(),
                Namespace = "ns",
                Name = "x",
                ImageName = basics.Item1,
                RunCommand = basics.Item2,
                Entrypoint = basics.Item3,
                ContainerEnvvars = basics.Item4.DistinctBy(v => v.Key).ToList(),
                ContainerPorts = ports.DistinctBy(p => (p.Item1, p.Item3)).Select(p => new ContainerPort(p.Item3 ? "udp" : "tcp", p.Item1, p.Item2 ? p.Item4 : null, p.Item2))
                    .DistinctBy(p => p.OuterPort ?? -p.InnerPort).ToList(),
                TargetNumContainers = placement.Item1,
                DeploymentStrategy = placement.Item2,
                Tags = placement.Item3.Distinct().ToList(),
                Autorestart = placement.Item4,
                Autodestroy = rest.Item1,
                Autoredeploy = rest.Item2,
                SequentialDeployment = rest.Item3,
                Memory = rest.Item4,
                CpuShares = rest.Item5,
                Privileged = engine.Item1,
                Net = engine.Item2,
                Pid = engine.Item3,
                Bindings = engine.Item4,
            });

    /// <summary>Two to five services named s0.., each linking to some of those before it (links cannot go round).</summary>
    private static readonly Gen<List<Service>> Stacks =
        Gen.Select(Services, Gen.Int[0, 7].Array[0, 3]).Array[2, 5].Select(drafts =>
        {
            var named = drafts.Select((d, i) => (Service: Rename(d.Item1, $"s{i}"), Links: d.Item2)).ToList();
            foreach (var (service, links) in named)
            {
                var index = int.Parse(service.Name[1..], System.Globalization.CultureInfo.InvariantCulture);
                service.LinkedToService = links.Where(l => l < index).Distinct()
                    .Select(l => new ServiceLink(l % 2 == 0 ? $"s{l}" : $"alias{l}", named[l].Service.Uuid)).ToList();
                // Volumes from any other service of the stack (they may go round: only links may not).
                service.Bindings = [.. service.Bindings, .. links.Where(l => l < named.Count && l != index).Distinct().Select(l => ServiceBinding.From(named[l].Service.Uuid))];
            }

            return named.Select(n => n.Service).ToList();
        });

    [Fact]
    public void Written_then_read_gives_the_same_services() =>
        Stacks.Sample(services =>
        {
            var again = StackfileParserTests.Read(StackfileWriter.Write(services));
            StackAssert.Same(services, again);
        }, iter: 300);

    private static Service Rename(Service s, string name) => new()
    {
        Uuid = s.Uuid, Namespace = s.Namespace, Name = name, ImageName = s.ImageName, RunCommand = s.RunCommand, Entrypoint = s.Entrypoint,
        ContainerEnvvars = s.ContainerEnvvars, ContainerPorts = s.ContainerPorts, TargetNumContainers = s.TargetNumContainers,
        DeploymentStrategy = s.DeploymentStrategy, Tags = s.Tags, Autorestart = s.Autorestart, Autodestroy = s.Autodestroy,
        Autoredeploy = s.Autoredeploy, SequentialDeployment = s.SequentialDeployment, Memory = s.Memory, CpuShares = s.CpuShares,
        Privileged = s.Privileged, Net = s.Net, Pid = s.Pid, Bindings = s.Bindings,
    };
}
