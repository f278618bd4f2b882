using System.Collections.Frozen;

namespace FunctionsCloud.Application.Stacks.Stackfiles;

/// <summary>
/// The keys of Docker Cloud's stack YAML reference (docker-cloud.yml): those that map to a service field here, by the
/// API field they give, and those that do not, which are refused by name rather than dropped.
/// </summary>
public static class StackfileKeys
{
    public static readonly FrozenDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["image"] = "image_name",
        ["command"] = "run_command",
        ["entrypoint"] = "entrypoint",
        ["environment"] = "container_envvars",
        ["ports"] = "container_ports",
        ["expose"] = "container_ports",
        ["links"] = "linked_to_service",
        ["target_num_containers"] = "target_num_containers",
        ["deployment_strategy"] = "deployment_strategy",
        ["tags"] = "tags",
        ["autorestart"] = "autorestart",
        ["restart"] = "autorestart",
        ["autodestroy"] = "autodestroy",
        ["autoredeploy"] = "autoredeploy",
        ["sequential_deployment"] = "sequential_deployment",
        ["working_dir"] = "working_dir",
        ["mem_limit"] = "memory",
        ["cpu_shares"] = "cpu_shares",
        ["roles"] = "roles",
        ["privileged"] = "privileged",
        ["net"] = "net",
        ["pid"] = "pid",
        ["volumes"] = "bindings",
        ["volumes_from"] = "bindings",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Keys of the reference whose container settings FunctionsCloud's services do not have.</summary>
    public static readonly FrozenSet<string> Unsupported = new[]
    {
        "cap_add", "cap_drop", "cgroup_parent", "cpuset", "devices", "dns", "dns_search", "domainname", "external_links",
        "extra_hosts", "hostname", "labels", "log_driver", "log_opt", "mac_address", "memswap_limit",
        "read_only", "security_opt", "stdin_open", "tty", "user",
    }.ToFrozenSet(StringComparer.Ordinal);
}
