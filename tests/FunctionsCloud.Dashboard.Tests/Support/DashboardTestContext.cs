using FunctionsCloud.Client;
using FunctionsCloud.Client.Http;
using FunctionsCloud.Client.Resources;
using Microsoft.AspNetCore.Components;
using FunctionsCloud.Dashboard.Live;
using FunctionsCloud.Dashboard.Session;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FunctionsCloud.Dashboard.Tests.Support;

/// <summary>
/// The dashboard's services around a component, signed in, with the API behind <see cref="Api"/> (a scripted
/// handler) and a clock that moves only when a test says so.
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>Pages that refresh themselves hold services that are only disposed asynchronously (<see cref="PageVisibility"/>).</summary>
    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncDisposable)this).DisposeAsync();

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
        Services.AddScoped<EventSubscription>();
        Services.AddSingleton(new FunctionsCloudClient(new HttpClient(Api) { BaseAddress = new Uri("http://dashboard.test/") }));
        SignedInWith(Access.Admin, isInstallationAdmin: true);
    }

    /// <summary>What the signed-in key may do, as the layout learns it from /api/account/v1/me/ (the last one given holds).</summary>
    protected void SignedInWith(string role, bool isInstallationAdmin = false, string? keyLabel = "laptop")
    {
        var access = new Access(new Me("admin", "/api/account/v1/me/", "admin", role, isInstallationAdmin, keyLabel, null));
        RenderTree.Add<CascadingValue<Access>>(p => p.Add(c => c.Value, access));
    }

    /// <summary>A list answer holding the objects given (JSON, comma-separated).</summary>
    protected static string Page(string objects) =>
        $$"""{"meta":{"limit":100,"offset":0,"total_count":1,"next":null,"previous":null},"objects":[{{objects}}]}""";

    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>Until the tab follows the event stream (the page opened it; the test's stream said where it stands).</summary>
    protected async Task WaitUntilLiveAsync()
    {
        var subscription = Services.GetRequiredService<EventSubscription>();
        var live = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscription.Changed += () =>
        {
            if (subscription.IsLive)
                live.TrySetResult();
        };
        if (subscription.IsLive)
            live.TrySetResult();
        await live.Task.WaitAsync(Patience);
    }

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    protected ScriptedApi Api { get; } = new();

    protected MessageArea Messages => Services.GetRequiredService<MessageArea>();
}
