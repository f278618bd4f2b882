using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.Agent.Configuration;

/// <summary>
/// Reads the agent's settings from, lowest precedence first: <c>agent.json</c> in the state directory,
/// <c>FUNCTIONSCLOUD_AGENT_*</c> environment variables, and the command line; then validates them.
/// </summary>
public static class AgentOptionsLoader
{
    public const string EnvironmentPrefix = "FUNCTIONSCLOUD_AGENT_";
    public const string ConfigFileName = "agent.json";
    public const string DefaultDockerHost = "unix:///var/run/docker.sock";
    public const int MaxHeartbeatIntervalSeconds = 3600;

    /// <summary>The one switch without a value: rotate the node secret, store the new one, exit.</summary>
    public const string RotateSecretSwitch = "--rotate-secret";

    /// <summary>One setting: its configuration key (also its agent.json name), command-line switch and environment variable.</summary>
    public sealed record Setting(string Key, string Switch, string Description)
    {
        public string EnvironmentVariable => EnvironmentPrefix + Key.ToUpperInvariant();
    }

    public static readonly IReadOnlyList<Setting> Settings =
    [
        new("api_url", "--api-url", "the control plane's base URL (required), e.g. https://cloud.example.com"),
        new("token", "--token", "the one-time registration token (required until the node is registered; prefer the environment variable)"),
        new("state_dir", "--state-dir", $"directory for identity.json and agent.json (default {AgentOptions.DefaultStateDir})"),
        new("heartbeat_interval", "--heartbeat-interval", $"seconds between heartbeats until the control plane says otherwise (1-{MaxHeartbeatIntervalSeconds})"),
        new("docker_host", "--docker-host", $"the Docker engine endpoint (default: DOCKER_HOST, else {DefaultDockerHost})"),
        new("hostname", "--hostname", "the host name reported at registration (default: the machine name)"),
        new("upgrade_command", "--upgrade-command", $"the shell command that upgrades the Docker engine when the control plane orders it (default: {AgentOptions.DefaultUpgradeCommand})"),
    ];

    private static readonly HashSet<string> HelpSwitches = new(["--help", "-h", "-?"], StringComparer.Ordinal);

    public static string Usage
    {
        get
        {
            var lines = new List<string>
            {
                "Usage: FunctionsCloud.Agent --api-url <url> [--token <token>] [--state-dir <dir>] [options]",
                string.Empty,
                "Every option can also be set by an environment variable or in <state-dir>/agent.json (snake_case key):",
            };
            lines.AddRange(Settings.Select(s => $"  {s.Switch,-22} {s.EnvironmentVariable,-40} {s.Description}"));
            lines.Add(string.Empty);
            lines.Add($"  {RotateSecretSwitch,-22} replace the node secret in <state-dir>/identity.json with a new one, then exit (a running agent picks it up)");
            return string.Join(Environment.NewLine, lines);
        }
    }

    public static AgentOptionsResult Load(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        if (args.Any(HelpSwitches.Contains))
        {
            return AgentOptionsResult.Help();
        }

        var rotateSecret = args.Contains(RotateSecretSwitch, StringComparer.Ordinal);
        args = [.. args.Where(a => a != RotateSecretSwitch)];
        var errors = new List<string>();
        var commandLine = ParseCommandLine(args, errors);
        var fromEnvironment = ReadEnvironment(environment);
        if (errors.Count > 0)
        {
            return AgentOptionsResult.Invalid(errors);
        }

        var stateDirSetting = commandLine.GetValueOrDefault("state_dir") ?? fromEnvironment.GetValueOrDefault("state_dir");
        string stateDir;
        try
        {
            stateDir = Path.GetFullPath(string.IsNullOrWhiteSpace(stateDirSetting) ? AgentOptions.DefaultStateDir : stateDirSetting);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return AgentOptionsResult.Invalid([$"--state-dir '{stateDirSetting}' is not a usable path: {ex.Message}"]);
        }

        var builder = new ConfigurationBuilder();
        var configFile = Path.Combine(stateDir, ConfigFileName);
        if (File.Exists(configFile))
        {
            if (!TryReadConfigFile(configFile, errors, out var fileSettings))
            {
                return AgentOptionsResult.Invalid(errors);
            }

            builder.AddInMemoryCollection(fileSettings);
        }

        builder.AddInMemoryCollection(fromEnvironment);
        builder.AddInMemoryCollection(commandLine);
        var configuration = builder.Build();

        var options = Validate(configuration, stateDir, environment, errors) is { } valid ? valid with { RotateSecret = rotateSecret } : null;
        return options is null || errors.Count > 0 ? AgentOptionsResult.Invalid(errors) : AgentOptionsResult.Valid(options);
    }

    private static Dictionary<string, string?> ParseCommandLine(IReadOnlyList<string> args, List<string> errors)
    {
        // Checked by hand first: the configuration provider silently ignores stray words and unknown forms.
        var switchMappings = Settings.ToDictionary(s => s.Switch, s => s.Key, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                errors.Add($"Unexpected argument '{arg}'. Options take the form --name value or --name=value; see --help.");
                continue;
            }

            var separator = arg.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? arg : arg[..separator];
            if (!switchMappings.ContainsKey(name))
            {
                errors.Add($"Unknown option '{name}'. Known options: {string.Join(", ", Settings.Select(s => s.Switch))}.");
            }

            if (separator < 0)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    errors.Add($"Option '{name}' needs a value.");
                }
                else
                {
                    i++;
                }
            }
        }

        if (errors.Count > 0)
        {
            return [];
        }

        var parsed = new ConfigurationBuilder().AddCommandLine([.. args], switchMappings).Build();
        return Settings
            .Select(s => (s.Key, Value: parsed[s.Key]))
            .Where(s => s.Value is not null)
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string?> ReadEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in Settings)
        {
            if (environment.TryGetValue(setting.EnvironmentVariable, out var value) && !string.IsNullOrEmpty(value))
            {
                values[setting.Key] = value;
            }
        }

        return values;
    }

    private static bool TryReadConfigFile(string path, List<string> errors, out Dictionary<string, string?> values)
    {
        values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        IConfigurationRoot file;
        try
        {
            file = new ConfigurationBuilder().AddJsonFile(path, optional: true, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            errors.Add($"{path} cannot be read as a JSON object: {ex.GetBaseException().Message}");
            return false;
        }

        var known = Settings.Select(s => s.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var child in file.GetChildren())
        {
            if (!known.Contains(child.Key))
            {
                errors.Add($"{path}: unknown setting '{child.Key}'. Known settings: {string.Join(", ", known)}.");
            }
            else
            {
                values[child.Key] = child.Value;
            }
        }

        return errors.Count == 0;
    }

    private static AgentOptions? Validate(
        IConfiguration configuration,
        string stateDir,
        IReadOnlyDictionary<string, string?> environment,
        List<string> errors)
    {
        Uri? apiUrl = null;
        var apiUrlText = configuration["api_url"];
        if (string.IsNullOrWhiteSpace(apiUrlText))
        {
            errors.Add($"The control plane's URL is required: --api-url <url>, {EnvironmentPrefix}API_URL, or \"api_url\" in {Path.Combine(stateDir, ConfigFileName)}.");
        }
        else if (!Uri.TryCreate(apiUrlText, UriKind.Absolute, out apiUrl) || (apiUrl.Scheme != Uri.UriSchemeHttp && apiUrl.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"--api-url '{apiUrlText}' is not an absolute http:// or https:// URL.");
            apiUrl = null;
        }

        TimeSpan? heartbeatInterval = null;
        var intervalText = configuration["heartbeat_interval"];
        if (!string.IsNullOrWhiteSpace(intervalText))
        {
            if (int.TryParse(intervalText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= MaxHeartbeatIntervalSeconds)
            {
                heartbeatInterval = TimeSpan.FromSeconds(seconds);
            }
            else
            {
                errors.Add($"--heartbeat-interval '{intervalText}' must be a whole number of seconds from 1 to {MaxHeartbeatIntervalSeconds}.");
            }
        }

        var dockerHostText = configuration["docker_host"]
            ?? (environment.TryGetValue("DOCKER_HOST", out var dockerHostVariable) && !string.IsNullOrWhiteSpace(dockerHostVariable) ? dockerHostVariable : null)
            ?? DefaultDockerHost;
        if (!Uri.TryCreate(dockerHostText, UriKind.Absolute, out var dockerHost)
            || dockerHost.Scheme is not ("unix" or "tcp" or "http" or "https" or "npipe"))
        {
            errors.Add($"--docker-host '{dockerHostText}' is not a Docker endpoint such as unix:///var/run/docker.sock or tcp://host:2375.");
            dockerHost = null;
        }

        var token = configuration["token"];
        var hostname = configuration["hostname"];
        var upgradeCommand = configuration["upgrade_command"];
        if (errors.Count > 0 || apiUrl is null || dockerHost is null)
        {
            return null;
        }

        return new AgentOptions
        {
            ApiUrl = apiUrl,
            Token = string.IsNullOrWhiteSpace(token) ? null : token.Trim(),
            StateDir = stateDir,
            HeartbeatInterval = heartbeatInterval,
            DockerHost = dockerHost,
            Hostname = string.IsNullOrWhiteSpace(hostname) ? Environment.MachineName : hostname.Trim(),
            UpgradeCommand = string.IsNullOrWhiteSpace(upgradeCommand) ? AgentOptions.DefaultUpgradeCommand : upgradeCommand.Trim(),
        };
    }
}
