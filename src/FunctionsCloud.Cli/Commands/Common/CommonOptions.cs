using System.CommandLine;

namespace FunctionsCloud.Cli.Commands.Common;

/// <summary>The options and arguments that many commands share, made anew for each command that takes them.</summary>
public static class CommonOptions
{
    public static Option<bool> Sync() => new("--sync")
    {
        Description = "Wait until the action ends, showing its progress; exit 0 only if it succeeds",
    };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Only the uuids" };

    public static Option<bool> All() => new("--all", "-a") { Description = "Include Terminated ones" };

    public static Option<string> Status() => new("--status", "-s") { Description = "Only those in this state, e.g. Running" };

    /// <param name="named">Whether the kind has names (nodes and actions go by uuid only).</param>
    public static Argument<string> Identifier(string noun, bool named = true) => new(noun)
    {
        Description = named ? $"The {noun}'s name, uuid or uuid prefix" : $"The {noun}'s uuid or uuid prefix",
    };

    /// <summary>A count that the parser refuses unless it is a whole number of at least <paramref name="minimum"/>.</summary>
    public static Argument<int> Count(string name, string description, int minimum)
    {
        var argument = new Argument<int>(name) { Description = description };
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, out var value) && value < minimum)
                result.AddError($"{name} must be {minimum} or more.");
        });
        return argument;
    }

    /// <summary>Refuses, at parsing, a number option given outside [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static TOption InRange<TOption>(this TOption option, int minimum, int maximum = int.MaxValue) where TOption : Option
    {
        option.Validators.Add(result =>
        {
            // A value that is no number at all is the parser's own error to report.
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, out var value) && (value < minimum || value > maximum))
                result.AddError(maximum == int.MaxValue
                    ? $"{option.Name} must be {minimum} or more."
                    : $"{option.Name} must be from {minimum} to {maximum}.");
        });
        return option;
    }

    /// <summary>Adds the example to the description, so that <c>--help</c> shows one on every command.</summary>
    public static T WithExample<T>(this T command, string example) where T : Command
    {
        command.Description = $"{command.Description}{Environment.NewLine}{Environment.NewLine}Example:{Environment.NewLine}  {example}";
        return command;
    }
}
