namespace FunctionsCloud.Dashboard.Tests.Support;

/// <summary>Objects as the API answers them, with the fields a test cares about given and the rest plain.</summary>
public static class Samples
{
    public static string Service(string uri, string name, int target, int running, string state = "Running") => $$"""
        {"uuid":"{{uri.TrimEnd('/').Split('/')[^1]}}","resource_uri":"{{uri}}","image_name":"functionscloud/busybox","name":"{{name}}","nickname":"{{name}}",
         "state":"{{state}}","containers":[],"target_num_containers":{{target}},"current_num_containers":{{running}},"running_num_containers":{{running}},
         "stopped_num_containers":0,"deployment_strategy":"EMPTIEST_NODE","tags":[],"container_ports":[],"container_envvars":[],
         "linked_to_service":[],"link_variables":{},"run_command":null,"entrypoint":null,"autorestart":"OFF","autodestroy":"OFF",
         "sequential_deployment":false,"deployed_datetime":null,"current_action":null,"max_num_containers":10}
        """;

    public static string Stack(string uri, string name, string state, bool synchronized, params string[] services) => $$"""
        {"uuid":"{{uri.TrimEnd('/').Split('/')[^1]}}","resource_uri":"{{uri}}","name":"{{name}}","nickname":"{{name}}","state":"{{state}}",
         "synchronized":{{(synchronized ? "true" : "false")}},"services":[{{string.Join(",", services.Select(s => $"\"{s}\""))}}],
         "deployed_datetime":null,"destroyed_datetime":null,"current_action":null}
        """;
}
