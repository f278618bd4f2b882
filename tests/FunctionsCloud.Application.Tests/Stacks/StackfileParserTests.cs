using FunctionsCloud.Application.Stacks;
using FunctionsCloud.Application.Stacks.Stackfiles;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Tests.Stacks;

public class StackfileParserTests
{
    private const string WebAndDb = """
        web:
          image: functionscloud/busybox
          command: httpd -f -p 80
          ports:
            - "80"
            - "8080:81/udp"
          expose:
            - "9000"
          links:
            - db
            - "db:database"
          environment:
            MODE: production
          target_num_containers: 3
          deployment_strategy: high_availability
          tags: [web, "rack=7"]
          restart: on-failure
          autodestroy: "no"
          sequential_deployment: true
          mem_limit: 512m
          cpu_shares: 512
          working_dir: /srv
          privileged: true
          net: host
          pid: host
          volumes:
            - /cache
            - /srv/static:/www:ro
            - /var/log/web:/logs:rw
          volumes_from:
            - db
        db:
          image: functionscloud/busybox
          volumes: ["/data"]
          environment:
            - PASSWORD=secret
        """;

    [Fact]
    public void Every_key_becomes_its_service_field()
    {
        var (web, db) = Read(WebAndDb) switch { [var w, var d] => (w, d), var other => throw new InvalidOperationException($"{other.Count} services") };

        Assert.Equal("functionscloud/busybox", web.ImageName);
        Assert.Equal(["httpd", "-f", "-p", "80"], web.RunCommand);
        Assert.Equal([new ContainerPort("tcp", 80, null, true), new ContainerPort("udp", 81, 8080, true), new ContainerPort("tcp", 9000, null, false)], web.ContainerPorts);
        Assert.Equal([new ServiceLink("db", db.Uuid), new ServiceLink("database", db.Uuid)], web.LinkedToService);
        Assert.Equal([new EnvironmentVariable("MODE", "production")], web.ContainerEnvvars);
        Assert.Equal(3, web.TargetNumContainers);
        Assert.Equal(Domain.Placement.DeploymentStrategy.HighAvailability, web.DeploymentStrategy);
        Assert.Equal(["web", "rack=7"], web.Tags);
        Assert.Equal(Autorestart.OnFailure, web.Autorestart);
        Assert.Equal(Autodestroy.Off, web.Autodestroy);
        Assert.True(web.SequentialDeployment);
        Assert.Equal(512, web.Memory);
        Assert.Equal(512, web.CpuShares);
        Assert.Equal("/srv", web.WorkingDir);
        Assert.True(web.Privileged);
        Assert.Equal((NetworkMode.Host, PidMode.Host), (web.Net, web.Pid));
        Assert.Equal([ServiceBinding.Volume("/cache"), ServiceBinding.Host("/srv/static", "/www", rewritable: false),
            ServiceBinding.Host("/var/log/web", "/logs", rewritable: true), ServiceBinding.From(db.Uuid)], web.Bindings);
        Assert.Equal([new EnvironmentVariable("PASSWORD", "secret")], db.ContainerEnvvars);
        Assert.Equal([ServiceBinding.Volume("/data")], db.Bindings);
        Assert.Equal((false, NetworkMode.Bridge, PidMode.None), (db.Privileged, db.Net, db.Pid));
    }

    [Fact]
    public void Export_reads_back_as_the_same_services()
    {
        var services = Read(WebAndDb);

        var again = Read(StackfileWriter.Write(services));

        StackAssert.Same(services, again);
    }

    [Theory]
    [InlineData("web: [unclosed", "stackfile", "line 2, column 1: is not YAML")]
    [InlineData("- web\n- db", "stackfile", "line 1, column 1: must be a map")]
    [InlineData("web:\n  image: busybox\n  volume: /data", "web.volume", "line 3, column 3: 'volume' is not a stackfile key")]
    [InlineData("web:\n  image: busybox\n  cap_add: [NET_ADMIN]", "web.cap_add", "line 3, column 3: 'cap_add' is a Docker Cloud stackfile key")]
    [InlineData("web:\n  image: busybox\n  privileged: maybe", "web.privileged", "line 3, column 15: 'maybe' is neither true nor false")]
    [InlineData("web:\n  image: busybox\n  net: overlay", "web.net", "line 3, column 3: ")]
    [InlineData("web:\n  image: busybox\n  pid: container", "web.pid", "line 3, column 3: ")]
    [InlineData("web:\n  image: busybox\n  volumes: [\"a:b:c:d\"]", "web.volumes", "line 3, column 12: 'a:b:c:d' is not a volume")]
    [InlineData("web:\n  image: busybox\n  volumes: [\"data:/data\"]", "web.volumes", "line 3, column 3: [0]: host_path 'data' is not an absolute path.")]
    [InlineData("web:\n  image: busybox\n  volumes: [\"/data\", \"/x:/data\"]", "web.volumes", "line 3, column 3: container_path '/data' is bound 2 times.")]
    [InlineData("web:\n  image: busybox\n  volumes_from: [db]", "web.volumes_from", "line 3, column 3: [0]: volumes_from 'db' is no other live service here.")]
    [InlineData("web:\n  image: busybox\n  volumes_from: [web]", "web.volumes_from", "line 3, column 3: [0]: volumes_from 'web' is no other")]
    [InlineData("web:\n  image: busybox\n  target_num_containers: many", "web.target_num_containers", "line 3, column 26: 'many' is not a whole number")]
    [InlineData("web:\n  image: busybox\n  ports: [\"1:2:3\"]", "web.ports", "line 3, column 10")]
    [InlineData("web:\n  image: busybox\n  mem_limit: 1000k", "web.mem_limit", "line 3, column 14")]
    [InlineData("web:\n  command: ls", "web.image", "line 1, column 1: every service needs an image")]
    [InlineData("web:\n  image: busybox\nWEB:\n  image: busybox", "WEB", "line 3, column 1: a second service named 'WEB' (the first is at line 1)")]
    [InlineData("web:\n  image: busybox\n  environment: [PATH]", "web.environment", "line 3, column 17: 'PATH' needs a value")]
    [InlineData("web:\n  image: \"BAD IMAGE\"", "web.image", "line 2, column 3: ")]
    [InlineData("web:\n  image: busybox\n  links: [db]", "web.links", "line 3, column 3: there is no service named 'db' in this stack.")]
    [InlineData("web:\n  image: busybox\n  links: [\"/api/app/v1/service/8f0e7ac1-2cbd-4b43-9a1e-9d7a2a3f4c10/\"]", "web.links", "line 3, column 3: '/api/app/v1/service/")]
    [InlineData("a:\n  image: busybox\n  links: [b]\nb:\n  image: busybox\n  links: [a]", "a.links", "line 3, column 3: the links would go round: a → b → a.")]
    [InlineData("web:\n  image: busybox\n  ports: [\"70000\"]", "web.ports", "line 3, column 3: ")]
    [InlineData("web:\n  image: busybox\n  deployment_strategy: everywhere", "web.deployment_strategy", "line 3, column 3: 'everywhere' is not one of")]
    public void Bad_stackfiles_name_the_place(string stackfile, string field, string message)
    {
        var refused = Assert.Throws<RequestValidationException>(() => Read(stackfile));

        Assert.Contains(refused.Errors, e => e.Field == field && e.Message.StartsWith(message, StringComparison.Ordinal));
    }

    /// <summary>The path a stackfile takes at create: parsed, checked by the service rules, made into a stack's services.</summary>
    public static IReadOnlyList<Service> Read(string stackfile)
    {
        var parsed = StackfileParser.Parse(stackfile);
        var specs = StackSpecReader.Read(parsed.Select(p => (Application.Services.CreateServiceRequest?)p.Request).ToList(), new StackfilePlaces(parsed), 100);
        var stack = new Stack { Uuid = Guid.NewGuid(), Namespace = "ns", Name = "stack" };
        return StackServiceFactory.Create(stack, specs, DateTimeOffset.UnixEpoch);
    }
}
