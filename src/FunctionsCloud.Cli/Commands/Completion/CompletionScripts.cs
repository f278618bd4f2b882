namespace FunctionsCloud.Cli.Commands.Completion;

/// <summary>
/// The completion scripts, kept as shell files beside this one (embedded) so that they read, and lint, as what they
/// are. They hold no command names: at each Tab they ask fc itself (<see cref="CompletionWords"/>).
/// </summary>
public static class CompletionScripts
{
    public static readonly string[] Shells = ["bash", "zsh"];

    public static string For(string shell)
    {
        using var stream = typeof(CompletionScripts).Assembly.GetManifestResourceStream($"completion.{shell}")
            ?? throw new InvalidOperationException($"No completion script for {shell} is built in.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
