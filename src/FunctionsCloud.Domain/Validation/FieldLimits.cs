namespace FunctionsCloud.Domain.Validation;

/// <summary>
/// The most each field of a request may hold: explicit limits, listed in the README, rather than whatever Table
/// storage takes, which refuses a property over 64 KiB and a row over 1 MiB (strings count twice, as UTF-16) and
/// would otherwise refuse a request only once part of it was written. Every object's fields together stay far below
/// a row.
/// </summary>
public static class FieldLimits
{
    public const int ImageName = 512;
    public const int RunCommand = 4096;
    public const int Entrypoint = 4096;
    /// <summary>Linux's PATH_MAX.</summary>
    public const int WorkingDir = 4096;
    public const int Tags = 50;
    public const int ContainerPorts = 100;
    public const int ContainerEnvvars = 100;
    /// <summary>Keys and values together: the variables share one stored property.</summary>
    public const int ContainerEnvvarsCharacters = 16_384;
    public const int LinkedToService = 50;
    /// <summary>Each path up to 4,096 characters (BindingRules).</summary>
    public const int Bindings = 20;
    /// <summary>Host and container paths together: the bindings share one stored property.</summary>
    public const int BindingsCharacters = 16_384;
    /// <summary>The options as JSON text.</summary>
    public const int ProviderOptions = 8192;

    /// <summary>Null when the text fits, else why not.</summary>
    public static string? Text(string? text, int max) =>
        text is not null && text.Length > max ? $"must be at most {max} characters, was {text.Length}." : null;

    /// <summary>Null when the list is short enough, else why not.</summary>
    public static string? Items(int count, int max) =>
        count > max ? $"takes at most {max} items, was {count}." : null;
}
