using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.Aws;

/// <summary>
/// User data for nodes launched together by one RunInstances call. EC2 gives every instance of a call the same
/// user data, but each node needs its own one-time registration token. So the batch's user data lists every
/// node's token by position, and each instance takes the token at its AMI launch index (0..n-1, numbered by EC2
/// within the call and read from the instance metadata service, IMDSv2). Launch index i is node i of the batch in
/// node id order, the same order in which the launcher maps returned instances to nodes.
/// After picking its token the instance runs exactly <see cref="CloudInit.UserData"/>'s install step, the one
/// every other cloud and BYON host runs, reading the token from the file the picker wrote.
/// </summary>
internal static partial class BatchUserData
{
    /// <summary>EC2's limit on user data before base64.</summary>
    public const int MaxBytes = 16 * 1024;

    public const string TokenFile = "/run/functionscloud/registration-token";

    /// <summary>What stands for the token in the shared install step: the instance's own token, once picked.</summary>
    public const string TokenFromFile = "$(cat " + TokenFile + ")";

    /// <summary>The batch's user data, base64 as RunInstances wants it, or null when it exceeds EC2's 16 KB even compressed.</summary>
    public static string? Encode(IReadOnlyList<NodeToCreate> batch)
    {
        var document = Encoding.UTF8.GetBytes(Document(batch));
        if (document.Length <= MaxBytes)
        {
            return Convert.ToBase64String(document);
        }

        // cloud-init unpacks gzip user data itself; tokens compress well enough for about a hundred nodes per call.
        var compressed = Gzip(document);
        return compressed.Length <= MaxBytes ? Convert.ToBase64String(compressed) : null;
    }

    /// <summary>The cloud-config document, before encoding. Nodes must share the control plane's address.</summary>
    public static string Document(IReadOnlyList<NodeToCreate> batch)
    {
        var apiUrl = batch[0].Bootstrap.ApiUrl;
        if (batch.Any(n => n.Bootstrap.ApiUrl != apiUrl))
        {
            throw new ArgumentException("Nodes launched together must register with the same control plane.", nameof(batch));
        }

        return CloudInit.UserData(new AgentBootstrap(apiUrl, TokenFromFile), Explanation(batch.Count), TokenPicker(batch));
    }

    private static string Explanation(int count) =>
        $"""
        # FunctionsCloud: {count} node(s) launched by one EC2 RunInstances call share this user data. Each instance
        # picks its node's registration token by its AMI launch index, then runs the common install step.

        """;

    /// <summary>
    /// The first runcmd entry: an IMDSv2 token, the launch index, then that node's registration token into a root-only
    /// file (the umask in a subshell: runcmd entries share one script, and the install step needs the normal one).
    /// </summary>
    private static string TokenPicker(IReadOnlyList<NodeToCreate> batch)
    {
        var builder = new StringBuilder();
        builder.Append("""
              - |
                set -eu
                imds=http://169.254.169.254/latest
                imds_token=$(curl -fsS --retry 10 --retry-connrefused -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' "$imds/api/token")
                index=$(curl -fsS --retry 10 --retry-connrefused -H "X-aws-ec2-metadata-token: $imds_token" "$imds/meta-data/ami-launch-index")
                case "$index" in

            """);
        for (var i = 0; i < batch.Count; i++)
        {
            builder.Append("      ").Append(i).Append(") token='").Append(ShellSafe(batch[i].Bootstrap.RegistrationToken)).Append("' ;;\n");
        }

        builder.Append("""
                  *) echo "FunctionsCloud: no node for launch index $index" >&2; exit 1 ;;
                esac
                (umask 077 && mkdir -p /run/functionscloud && printf '%s' "$token" > /run/functionscloud/registration-token)

            """);
        return builder.ToString();
    }

    // Tokens are base64url-and-dot; anything else would break out of the shell quotes.
    private static string ShellSafe(string token) =>
        SafeToken().IsMatch(token) ? token : throw new ArgumentException("A registration token has characters unsafe in a shell script.");

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    [GeneratedRegex("^[A-Za-z0-9._~+/=-]+$")]
    private static partial Regex SafeToken();
}
