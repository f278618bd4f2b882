namespace FunctionsCloud.Testing.BadInput;

/// <summary>Who calls a route and what it reads from the body: what a bad request to it looks like.</summary>
public enum RouteCaller
{
    /// <summary>API-key routes: the admin's key, now and then a spoiled one.</summary>
    Admin,
    /// <summary>The agent's routes: a token or node secret that was never issued.</summary>
    Agent,
    /// <summary>No credentials at all: installer downloads, the dashboard, trigger URLs (whose secret is never a real one).</summary>
    Anonymous,
}

public enum RouteBody
{
    /// <summary>The route reads no body; one sent anyway is junk.</summary>
    None,
    /// <summary>A JSON object: every body sent is spoiled in a way the app must refuse.</summary>
    Json,
    /// <summary>Any text (a trigger call's body).</summary>
    Text,
}

public sealed record RouteUse(RouteCaller Caller, RouteBody Body);
