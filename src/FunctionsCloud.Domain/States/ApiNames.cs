using System.Collections.Frozen;
using System.Reflection;

namespace FunctionsCloud.Domain.States;

/// <summary>Maps enum values to and from their wire names, for every enum the API exposes.</summary>
public static class ApiNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Table<TEnum>.ToName[value];

    public static bool TryParse<TEnum>(string? name, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return name is not null && Table<TEnum>.FromName.TryGetValue(name, out value);
    }

    public static TEnum Parse<TEnum>(string name) where TEnum : struct, Enum =>
        TryParse<TEnum>(name, out var value)
            ? value
            : throw new FormatException($"'{name}' is not a {typeof(TEnum).Name}.");

    public static IReadOnlyCollection<string> All<TEnum>() where TEnum : struct, Enum => Table<TEnum>.FromName.Keys;

    private static class Table<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ToName = Enum.GetValues<TEnum>()
            .ToFrozenDictionary(v => v, v => typeof(TEnum).GetField(v.ToString())!.GetCustomAttribute<ApiNameAttribute>()?.Name ?? v.ToString());

        public static readonly FrozenDictionary<string, TEnum> FromName = ToName
            .ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);
    }
}
