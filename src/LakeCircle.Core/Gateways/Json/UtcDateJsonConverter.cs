using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LakeCircle.Core.Gateways.Json;

/// <summary>
/// Reads an ISO 8601 date that carries its offset (<c>2027-01-01T00:00:00+00:00</c> or <c>2027-01-01T00:00:00Z</c>)
/// and writes it in UTC the way the AWS CLI prints it (<c>+00:00</c>). A date without an offset is refused rather
/// than read in the machine's time zone.
/// </summary>
internal sealed class UtcDateJsonConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => false;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date string, found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!hasOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new JsonException($"'{text}' is not an ISO 8601 date with an offset (such as 2027-01-01T00:00:00Z).");
        }

        return value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } date)
        {
            writer.WriteStringValue(Format(date));
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Formats a date in UTC as <c>yyyy-MM-ddTHH:mm:ss+00:00</c>, with fractions only when present.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'+00:00'", CultureInfo.InvariantCulture);
}
