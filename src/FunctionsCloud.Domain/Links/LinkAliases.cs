namespace FunctionsCloud.Domain.Links;

/// <summary>How a link alias becomes the prefix of variable names: upper case, anything outside [A-Z0-9_] as '_'.</summary>
public static class LinkAliases
{
    public static string VariablePrefix(string alias) =>
        string.Create(alias.Length, alias, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                chars[i] = IsNameCharacter(char.ToUpperInvariant(source[i])) ? char.ToUpperInvariant(source[i]) : '_';
        });

    private static bool IsNameCharacter(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
}
