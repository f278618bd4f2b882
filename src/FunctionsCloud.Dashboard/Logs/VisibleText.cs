using System.Text;

namespace FunctionsCloud.Dashboard.Logs;

/// <summary>
/// A container's output as text a page can show: control characters (escape sequences, carriage returns, bells)
/// become their visible symbols (U+2400 block) instead of acting on the page. Markup needs nothing here: Blazor
/// writes text as text.
/// </summary>
public static class VisibleText
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsControl))
            return text;
        var visible = new StringBuilder(text.Length);
        foreach (var c in text)
            visible.Append(IsControl(c) ? Symbol(c) : c);
        return visible.ToString();
    }

    private static bool IsControl(char c) => char.IsControl(c) && c != '\t';

    /// <summary>C0 controls have symbols of their own, DEL too; other controls (C1) the replacement character.</summary>
    private static char Symbol(char c) => c switch
    {
        < ' ' => (char)(0x2400 + c),
        '\x7f' => '\u2421',
        _ => '\uFFFD',
    };
}
