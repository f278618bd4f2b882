using System.Text;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.DigitalOcean;

/// <summary>
/// The user data of a batch of droplets. One create call gives all its droplets one user data, yet each node has its
/// own registration token; so the user data is a cloud-init Jinja template that renders, on each droplet, to exactly
/// that node's <see cref="CloudInit.UserData"/>, chosen by the droplet's hostname (its name, which DigitalOcean's
/// metadata gives cloud-init as <c>v1.local_hostname</c>). A droplet whose name is not listed renders nothing.
/// Every droplet of the batch can read the whole template from its metadata, so also its siblings' one-time tokens:
/// the same user's, for the same cluster, spent at registration (<see cref="DigitalOceanOptions.CreateBatchSize"/> 1 avoids it).
/// </summary>
public static class DropletUserData
{
    public const string TemplateHeader = "## template: jinja";

    public static string For(IEnumerable<(string Hostname, AgentBootstrap Bootstrap)> droplets)
    {
        var text = new StringBuilder(TemplateHeader).Append('\n');
        var keyword = "if";
        foreach (var (hostname, bootstrap) in droplets)
        {
            // "-%}" drops the line break after the tag, so the rendered text starts with "#cloud-config" itself;
            // raw keeps the payload out of Jinja's reach, whatever characters it holds.
            text.Append("{%- ").Append(keyword).Append(" v1.local_hostname == \"").Append(hostname).Append("\" -%}\n")
                .Append("{% raw %}").Append(RawSafe(CloudInit.UserData(bootstrap))).Append("{% endraw %}\n");
            keyword = "elif";
        }

        return keyword == "if" ? text.ToString() : text.Append("{%- endif %}\n").ToString();
    }

    private static string RawSafe(string payload) =>
        payload.Contains("{% endraw", StringComparison.Ordinal) || payload.Contains("{%- endraw", StringComparison.Ordinal)
            ? throw new ProviderException("A node's user data cannot be embedded in a DigitalOcean batch.")
            : payload;
}
