using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LakeCircle.Cli.Logging;

/// <summary>
/// One JSON object per line: <c>timestamp</c>, <c>level</c>, <c>category</c>, <c>message</c>, <c>eventId</c> (when
/// set), <c>scopes</c> (outermost first; a string, or an object of the scope's values), <c>state</c> (the event's
/// structured values, numbers and booleans kept as such) and <c>exception</c> (its full text, when any).
/// </summary>
internal sealed class JsonFormatter : ILogEventFormatter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Format(LogEvent logEvent)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("timestamp", logEvent.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("level", LevelText.Name(logEvent.Level));
            w.WriteString("category", logEvent.Category);
            w.WriteString("message", logEvent.Message);
            if (logEvent.EventId.Id != 0 || logEvent.EventId.Name is not null)
            {
                w.WriteNumber("eventId", logEvent.EventId.Id);
            }

            w.WriteStartArray("scopes");
            foreach (var scope in logEvent.Scopes)
            {
                if (scope.Fields.Count == 0)
                {
                    w.WriteStringValue(scope.Text);
                }
                else
                {
                    WriteFields(w, null, scope.Fields);
                }
            }

            w.WriteEndArray();
            WriteFields(w, "state", logEvent.Fields);
            if (logEvent.Exception is { } exception)
            {
                w.WriteString("exception", exception.ToString());
            }

            w.WriteEndObject();
        }

        return Core.Rendering.SafeText.EscapeJson(Encoding.UTF8.GetString(stream.ToArray())) + "\n";
    }

    private static void WriteFields(Utf8JsonWriter w, string? name, IEnumerable<LogField> fields)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        foreach (var field in fields)
        {
            w.WritePropertyName(field.Key);
            WriteValue(w, field.Value);
        }

        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case bool flag:
                w.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or sbyte or ushort or uint:
                w.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                w.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                w.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                w.WriteNumberValue(number);
                break;
            case decimal number:
                w.WriteNumberValue(number);
                break;
            default:
                w.WriteStringValue(LogField.Render(value));
                break;
        }
    }
}
