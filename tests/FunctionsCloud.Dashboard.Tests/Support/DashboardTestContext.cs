using FunctionsCloud.Client;
using FunctionsCloud.Client.Http;
using FunctionsCloud.Dashboard.Live;
using FunctionsCloud.Dashboard.Session;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FunctionsCloud.Dashboard.Tests.Support;

/// <summary>
/// The dashboard's services around a component, signed in, with the API behind <see cref="Api"/> (a scripted
/// handler) and a clock that moves only when a test says so.
/// </summary>
public abstract class DashboardTestContext : BunitContext
{
    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<TimeProvider>(Clock);
        var session = new SignInSession(JSInterop.JSRuntime);
        session.Try(new BasicCredentials("admin", "key"));
        Services.AddSingleton(session);
        Services.AddSingleton<ConnectionStatus>();
        Services.AddSingleton<MessageArea>();
        Services.AddSingleton<PageVisibility>();
        Services.AddSingleton<UserOperation>();
        Services.AddSingleton(new FunctionsCloudClient(new HttpClient(Api) { BaseAddress = new Uri("http://dashboard.test/") }));
    }

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    protected ScriptedApi Api { get; } = new();

    protected MessageArea Messages => Services.GetRequiredService<MessageArea>();
}
