using System.Text.Json;
using FunctionsCloud.Client.Http;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Tests.Support;

/// <summary>
/// API objects as the client reads them, for output and resolution tests: read from JSON as the API writes it, so
/// that fields the client grows do not break them.
/// </summary>
public static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static Service Service(string name, string state = "Running", int running = 3, int target = 3)
    {
        var uuid = Guid.NewGuid();
        return Read<Service>($$"""
            {"uuid": "{{uuid}}", "resource_uri": "/api/app/v1/service/{{uuid}}/", "image_name": "functionscloud/busybox:latest",
             "name": "{{name}}", "nickname": "{{name}}", "state": "{{state}}", "containers": [], "target_num_containers": {{target}},
             "current_num_containers": {{target}}, "running_num_containers": {{running}}, "stopped_num_containers": 0,
             "deployment_strategy": "EMPTIEST_NODE", "tags": [], "container_ports": [{"protocol": "tcp", "inner_port": 80, "published": true}],
             "container_envvars": [], "linked_to_service": [], "link_variables": {}, "autorestart": "OFF", "autodestroy": "OFF",
             "sequential_deployment": false, "deployed_datetime": "Sun, 01 Mar 2026 11:57:00 +0000"}
            """);
    }

    public static AuditAction Action(string state)
    {
        var uuid = Guid.NewGuid();
        return Read<AuditAction>($$"""
            {"uuid": "{{uuid}}", "resource_uri": "/api/audit/v1/action/{{uuid}}/", "object": "/api/app/v1/service/x/",
             "action": "Service Scale", "method": "PATCH", "path": "/api/app/v1/service/x/", "user": "admin",
             "start_date": "Sun, 01 Mar 2026 11:59:30 +0000", "state": "{{state}}",
             "can_be_canceled": false, "can_be_retried": false}
            """);
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize(json, ApiJson.TypeInfo<T>())!;
}
