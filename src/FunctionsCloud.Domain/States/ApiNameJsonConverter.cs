using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.States;

/// <summary>
/// Enums in JSON by their wire names (<see cref="ApiNames"/>): in stored JSON (a row stays readable when members
/// are reordered) and in the agent protocol, so that both read the same as the API. Reading also takes the member
/// name or the number, so that an agent of another version still understands its control plane.
/// </summary>
public sealed class ApiNameJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(EnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class EnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) && Enum.IsDefined(typeof(TEnum), number))
                return (TEnum)Enum.ToObject(typeof(TEnum), number);
            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } name
                && (ApiNames.TryParse<TEnum>(name, out var value) || Enum.TryParse(name, ignoreCase: true, out value))
                && Enum.IsDefined(value))
                return value;
            throw new JsonException($"The value is not a {typeof(TEnum).Name} (one of {string.Join(", ", ApiNames.All<TEnum>())}).");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ApiNames.Of(value));
    }
}
