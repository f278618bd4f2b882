using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace FunctionsCloud.LocalHost.Invocation;

/// <summary>
/// Converts binding values (route strings, message bodies, deserialized durable inputs) to parameter types:
/// simple types by parsing, everything else through JSON.
/// </summary>
public static class ValueConverter
{
    /// <exception cref="FormatException">The value does not convert to <paramref name="target"/>.</exception>
    public static object? Convert(object? value, Type target)
    {
        if (value is null)
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        if (target.IsInstanceOfType(value))
            return value;

        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        try
        {
            return value switch
            {
                string text => FromString(text, underlying),
                BinaryData data => FromBinary(data, underlying),
                byte[] bytes => FromBinary(BinaryData.FromBytes(bytes), underlying),
                JsonElement element => element.Deserialize(underlying, WorkerJson.Options),
                _ => JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, WorkerJson.Options), underlying, WorkerJson.Options),
            };
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidCastException or OverflowException)
        {
            throw new FormatException($"Cannot convert the value to {target.Name}.", e);
        }
    }

    private static object? FromString(string text, Type target)
    {
        if (target == typeof(BinaryData))
            return BinaryData.FromString(text);
        if (target == typeof(byte[]))
            return Encoding.UTF8.GetBytes(text);
        if (target == typeof(Guid))
            return Guid.Parse(text);
        if (target.IsEnum)
            return Enum.Parse(target, text, ignoreCase: true);
        if (IsSimple(target))
            return TypeDescriptor.GetConverter(target).ConvertFromInvariantString(text);
        return JsonSerializer.Deserialize(text, target, WorkerJson.Options);
    }

    private static object? FromBinary(BinaryData data, Type target)
    {
        if (target == typeof(BinaryData))
            return data;
        if (target == typeof(byte[]))
            return data.ToArray();
        if (target == typeof(string))
            return data.ToString();
        if (target == typeof(ReadOnlyMemory<byte>))
            return data.ToMemory();
        return IsSimple(target) ? FromString(data.ToString(), target) : JsonSerializer.Deserialize(data.ToMemory().Span, target, WorkerJson.Options);
    }

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type.IsEnum;
}
