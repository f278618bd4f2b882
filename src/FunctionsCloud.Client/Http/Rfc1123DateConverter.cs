using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsCloud.Client.Http;

/// <summary>Dates travel as Docker Cloud wrote them: <c>Mon, 07 Dec 2015 16:40:14 +0000</c>.</summary>
public sealed class Rfc1123DateConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "ddd, dd MMM yyyy HH:mm:ss '+0000'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.ParseExact(reader.GetString()!, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
