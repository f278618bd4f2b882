using FunctionsCloud.Client.Requests;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Dashboard.Forms;

/// <summary>What the new-service form holds while someone fills it in; kept as typed after the API refuses it.</summary>
public sealed class ServiceDraft
{
    public string Image { get; set; } = "";
    public string Name { get; set; } = "";
    public int Containers { get; set; } = 1;
    public string DeploymentStrategy { get; set; } = "EMPTIEST_NODE";
    public string Tags { get; set; } = "";
    public List<PortDraft> Ports { get; } = [];
    public List<VariableDraft> Variables { get; } = [];
    public List<LinkDraft> Links { get; } = [];
    public string RunCommand { get; set; } = "";
    public string Entrypoint { get; set; } = "";
    public string Autorestart { get; set; } = "OFF";
    public string Autodestroy { get; set; } = "OFF";
    public bool SequentialDeployment { get; set; }

    public CreateServiceRequest ToRequest() => new()
    {
        ImageName = Image.Trim(),
        Name = Blank(Name),
        TargetNumContainers = DeploymentStrategy == Service.EveryNode ? null : Containers,
        DeploymentStrategy = DeploymentStrategy,
        Tags = TagList.Parse(Tags),
        ContainerPorts = Ports.Select(p => new ContainerPort(p.Protocol, p.InnerPort, null, p.Published)).ToList(),
        ContainerEnvvars = Variables.Select(v => new EnvironmentVariable(v.Key.Trim(), v.Value)).ToList(),
        LinkedToService = Links.Where(l => l.ToService.Length > 0).Select(l => new LinkRequest(l.Alias.Trim(), l.ToService)).ToList(),
        RunCommand = Blank(RunCommand),
        Entrypoint = Blank(Entrypoint),
        Autorestart = Autorestart,
        Autodestroy = Autodestroy,
        SequentialDeployment = SequentialDeployment,
    };

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class PortDraft
{
    public int InnerPort { get; set; } = 80;
    public string Protocol { get; set; } = "tcp";
    public bool Published { get; set; } = true;
}

public sealed class VariableDraft
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

public sealed class LinkDraft
{
    public string Alias { get; set; } = "";
    public string ToService { get; set; } = "";
}
