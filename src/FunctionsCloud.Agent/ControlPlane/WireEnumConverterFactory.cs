using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Agent.ControlPlane;

/// <summary>
/// Reads an enum (e.g. a container spec's autorestart) whether the control plane sends its wire name ("ON_FAILURE"),
/// its member name or its number: the contracts carry no converter of their own, so the agent accepts every form.
/// </summary>
public sealed class WireEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class WireEnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number)
                && Enum.IsDefined(typeof(TEnum), number))
            {
                return (TEnum)Enum.ToObject(typeof(TEnum), number);
            }

            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } name
                && (ApiNames.TryParse<TEnum>(name, out var value) || Enum.TryParse(name, ignoreCase: true, out value))
                && Enum.IsDefined(value))
            {
                return value;
            }

            throw new JsonException($"The value is not a {typeof(TEnum).Name} (one of {string.Join(", ", ApiNames.All<TEnum>())}).");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ApiNames.Of(value));
    }
}
