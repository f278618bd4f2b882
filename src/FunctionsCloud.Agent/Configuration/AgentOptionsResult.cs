namespace FunctionsCloud.Agent.Configuration;

/// <summary>What <see cref="AgentOptionsLoader"/> made of the command line, environment and agent.json.</summary>
public sealed record AgentOptionsResult(AgentOptions? Options, IReadOnlyList<string> Errors, bool HelpRequested = false)
{
    public bool IsValid => Options is not null && Errors.Count == 0;

    public static AgentOptionsResult Help() => new(null, [], HelpRequested: true);

    public static AgentOptionsResult Invalid(IReadOnlyList<string> errors) => new(null, errors);

    public static AgentOptionsResult Valid(AgentOptions options) => new(options, []);
}
