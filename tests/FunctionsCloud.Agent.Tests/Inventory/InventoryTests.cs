using System.Net;
using System.Net.Sockets;
using FunctionsCloud.Agent.Inventory;
using FunctionsCloud.Agent.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionsCloud.Agent.Tests.Inventory;

public sealed class InventoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task No_docker_engine_reports_a_null_version()
    {
        var logs = new ListLoggerProvider();
        using var probe = new DockerVersionProbe(new Uri($"unix://{_dir.Combine("no-docker.sock")}"), TimeProvider.System, logs.CreateLogger<DockerVersionProbe>());
        var collector = new InventoryCollector(probe, _dir.Path);

        var inventory = await collector.CollectAsync(CancellationToken.None);

        Assert.Null(inventory.DockerVersion);
        Assert.Equal(Environment.ProcessorCount, inventory.Cpu);
        Assert.True(inventory.MemoryMb > 0);
        Assert.True(inventory.DiskGb > 0);
        Assert.Contains(logs.Lines, l => l.Contains("No Docker engine answers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_engine_that_never_answers_times_out_to_null_and_that_answer_is_cached()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var connections = 0;
        var accepting = Task.Run(async () =>
        {
            var held = new List<TcpClient>();
            try
            {
                while (true)
                {
                    held.Add(await silent.AcceptTcpClientAsync());
                    Interlocked.Increment(ref connections);
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                held.ForEach(c => c.Dispose());
            }
        });
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var endpoint = new Uri($"tcp://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
        using var probe = new DockerVersionProbe(endpoint, TimeProvider.System, NullLogger<DockerVersionProbe>.Instance, TimeSpan.FromMilliseconds(300));
        using var cachedProbe = new DockerVersionProbe(endpoint, time, NullLogger<DockerVersionProbe>.Instance, TimeSpan.FromMilliseconds(300));

        Assert.Null(await probe.GetVersionAsync(CancellationToken.None));

        // With a fake clock the probe's own timeout never fires; Docker.DotNet's (real) one does.
        Assert.Null(await cachedProbe.GetVersionAsync(CancellationToken.None));
        var afterFirst = Volatile.Read(ref connections);
        Assert.Null(await cachedProbe.GetVersionAsync(CancellationToken.None));
        Assert.Equal(afterFirst, Volatile.Read(ref connections));

        silent.Stop();
        await accepting;
    }

    [Fact]
    public async Task The_engine_version_is_read_and_cached_for_a_minute()
    {
        var calls = 0;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        await using var engine = builder.Build();
        engine.Run(async context =>
        {
            Interlocked.Increment(ref calls);
            if (context.Request.Path.Value?.EndsWith("/version", StringComparison.Ordinal) == true)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"Version":"27.5.1","ApiVersion":"1.47","Os":"linux","Arch":"amd64"}""");
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        });
        await engine.StartAsync();
        var address = new Uri(engine.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var probe = new DockerVersionProbe(new Uri($"tcp://127.0.0.1:{address.Port}"), time, NullLogger<DockerVersionProbe>.Instance);

        Assert.Equal("27.5.1", await probe.GetVersionAsync(CancellationToken.None));
        Assert.Equal("27.5.1", await probe.GetVersionAsync(CancellationToken.None));
        Assert.Equal(1, Volatile.Read(ref calls));

        time.Advance(DockerVersionProbe.CacheFor);
        Assert.Equal("27.5.1", await probe.GetVersionAsync(CancellationToken.None));
        Assert.Equal(2, Volatile.Read(ref calls));
        await engine.StopAsync();
    }

    [Fact]
    public void Memory_is_read_from_meminfo_in_megabytes()
    {
        var meminfo = _dir.Combine("meminfo");
        File.WriteAllLines(meminfo, ["MemTotal:        8167848 kB", "MemFree:         1234567 kB"]);

        Assert.Equal(7976, InventoryCollector.ReadMemoryMb(meminfo));
        Assert.Equal(0, InventoryCollector.ReadMemoryMb(_dir.Combine("absent")));
    }

    [Fact]
    public void Disk_is_the_size_of_the_filesystem_holding_the_state_directory()
    {
        var expected = new DriveInfo(_dir.Path).TotalSize / (1024L * 1024 * 1024);

        Assert.True(expected > 0);
        Assert.Equal(expected, InventoryCollector.ReadDiskGb(_dir.Combine("not", "created", "yet")));
    }

    public void Dispose() => _dir.Dispose();
}
