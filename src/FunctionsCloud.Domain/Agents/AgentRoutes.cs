namespace FunctionsCloud.Domain.Agents;

/// <summary>The paths agents call. They authenticate with tokens and node secrets, not API keys.</summary>
public static class AgentRoutes
{
    public const string Prefix = "/api/agent/v1/";
    public const string Register = "/api/agent/v1/register/";
    public const string Heartbeat = "/api/agent/v1/heartbeat/";
    public const string RotateSecret = "/api/agent/v1/rotate/";
    public const string DesiredContainers = "/api/agent/v1/containers/";
    public const string RegistryCredential = "/api/agent/v1/registry-credential/";
}
