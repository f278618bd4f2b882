using FunctionsCloud.Client;
using FunctionsCloud.Dashboard;
using FunctionsCloud.Dashboard.Live;
using FunctionsCloud.Dashboard.Session;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

// The API is where the dashboard came from: same origin, no CORS, credentials only in the Authorization header.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<SignInSession>();
builder.Services.AddSingleton<ConnectionStatus>();
builder.Services.AddSingleton<MessageArea>();
builder.Services.AddSingleton<PageVisibility>();
builder.Services.AddSingleton<UserOperation>();
// One follower of the event stream per tab (WebAssembly's scope is the tab's), shared by its pages.
builder.Services.AddScoped<EventSubscription>();
builder.Services.AddSingleton(services => new FunctionsCloudClient(new HttpClient(
    new ApiCredentialsHandler(services.GetRequiredService<SignInSession>(), services.GetRequiredService<ConnectionStatus>())
    {
        InnerHandler = new HttpClientHandler(),
    })
{
    BaseAddress = new Uri(builder.HostEnvironment.BaseAddress),
}));

var host = builder.Build();
await host.Services.GetRequiredService<SignInSession>().RestoreAsync();
await host.Services.GetRequiredService<PageVisibility>().WatchAsync();
await host.RunAsync();
