using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.States;

/// <summary>
/// Enums in JSON by their wire names (<see cref="ApiNames"/>): in stored JSON (a row stays readable when members
/// are reordered) and in the agent protocol, so that both read the same as the API.
/// </summary>
public sealed class ApiNameJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(EnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class EnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ApiNames.Parse<TEnum>(reader.GetString() ?? throw new JsonException($"A {typeof(TEnum).Name} must be a string."));

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ApiNames.Of(value));
    }
}
