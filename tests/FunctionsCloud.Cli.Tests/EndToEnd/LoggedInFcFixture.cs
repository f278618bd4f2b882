namespace FunctionsCloud.Cli.Tests.EndToEnd;

/// <summary>One app and one logged-in fc for a whole test class (its tests name objects of their own).</summary>
public sealed class LoggedInFcFixture : IAsyncLifetime
{
    public FcSession Session { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Session = await FcSession.StartAsync();
        var login = await Session.LoginAsync();
        Assert.True(login.ExitCode == 0, login.ToString());
    }

    public async Task DisposeAsync() => await Session.DisposeAsync();
}
