using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Configuration;
using FunctionsCloud.Cli.Output;
using FunctionsCloud.Client;
using FunctionsCloud.Client.Http;

namespace FunctionsCloud.Cli.Runtime;

/// <summary>One run of one command: its parsed line, where it writes, and the API client (made on first use).</summary>
public sealed class CommandContext : IDisposable
{
    private readonly Lazy<(HttpClient Http, FunctionsCloudClient Client)> api;

    public CommandContext(ParseResult parse, CliEnvironment environment, CancellationToken cancellation)
    {
        Parse = parse;
        Environment = environment;
        Cancellation = cancellation;
        Output = new CliOutput(environment);
        Credentials = new CredentialSource(environment);
        Writer = new ResourceWriter(Output, parse.GetValue(GlobalOptions.Output), TimeProvider.System);
        api = new(() => Connect(Credentials.Resolve()));
    }

    public ParseResult Parse { get; }
    public CliEnvironment Environment { get; }
    public CancellationToken Cancellation { get; }
    public CliOutput Output { get; }
    public CredentialSource Credentials { get; }
    public ResourceWriter Writer { get; }
    public FunctionsCloudClient Client => api.Value.Client;

    public T Value<T>(Argument<T> argument) => Parse.GetRequiredValue(argument);

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    /// <summary>
    /// Writes what an operation answered; with <paramref name="sync"/> follows its action to the end (the exit code is
    /// the action's), else says on stderr how to follow it.
    /// </summary>
    public async Task<int> FinishAsync<T>(Accepted<T> accepted, string id, bool sync)
    {
        Writer.Done(accepted.Object, id);
        if (accepted.ActionUri is not { } action)
            return ExitCodes.Ok;
        if (sync)
            return await new ActionProgress(Client, Output, Environment.PollInterval).FollowAsync(action, Cancellation);
        Output.ErrorWriter.WriteLine($"Action {Formats.ShortOf(action)} started: fc action logs {Formats.ShortOf(action)}");
        return ExitCodes.Ok;
    }

    /// <summary>A client for <paramref name="credentials"/>; its HttpClient is this context's to dispose.</summary>
    public static (HttpClient Http, FunctionsCloudClient Client) Connect(CliCredentials credentials)
    {
        if (!Uri.TryCreate(credentials.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new CliException(ExitCodes.Usage, $"'{credentials.Url}' is not an http:// or https:// URL.");
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Authorization = credentials.Basic.Header();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("fc/" + typeof(CommandContext).Assembly.GetName().Version?.ToString(3));
        return (http, new FunctionsCloudClient(http));
    }

    public void Dispose()
    {
        if (api.IsValueCreated)
            api.Value.Http.Dispose();
    }
}
