using System.Text.Json;
using LakeCircle.Core.Model;

namespace LakeCircle.Cli.Configuration;

/// <summary>Reads <c>LCC_ACTION_PARAMS</c>, reporting every unknown key and wrong value by name.</summary>
internal static class ActionParametersParser
{
    private const string Variable = SettingDefinitions.ActionParams;

    internal static readonly string[] Keys =
        ["buckets", "concurrency", "writeConcurrency", "maxChanges", "maxDeletions", "maxDestructive", "allowDestructive", "detailedExitCode", "wait", "waitTimeout"];

    public static ActionParameters? Parse(string text, ICollection<string> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            errors.Add($"{Variable} is not valid JSON: {exception.Message}");
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{Variable} must be a JSON object, got {Describe(document.RootElement)}.");
                return null;
            }

            var before = errors.Count;
            var result = ActionParameters.Default;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    errors.Add($"{Variable} has the key '{property.Name}' more than once.");
                    continue;
                }

                result = Apply(result, property.Name, property.Value, errors);
            }

            return errors.Count == before ? result : null;
        }
    }

    private static ActionParameters Apply(ActionParameters p, string key, JsonElement value, ICollection<string> errors) =>
        key switch
        {
            "buckets" => p with { Buckets = Buckets(key, value, errors) },
            "concurrency" => p with { Concurrency = Integer(key, value, 1, 256, errors) ?? p.Concurrency },
            "writeConcurrency" => p with { WriteConcurrency = Integer(key, value, 1, 64, errors) ?? p.WriteConcurrency },
            "maxChanges" => p with { MaxChanges = Integer(key, value, 0, int.MaxValue, errors) },
            "maxDeletions" => p with { MaxDeletions = Integer(key, value, 0, int.MaxValue, errors) },
            "maxDestructive" => p with { MaxDestructive = Integer(key, value, 0, int.MaxValue, errors) },
            "allowDestructive" => p with { AllowDestructive = Buckets(key, value, errors) },
            "detailedExitCode" => p with { DetailedExitCode = Boolean(key, value, errors) },
            "wait" => p with { Wait = Boolean(key, value, errors) },
            "waitTimeout" => p with { WaitTimeout = WaitTimeout(value, errors) ?? p.WaitTimeout },
            _ => Unknown(p, key, errors),
        };

    private static ActionParameters Unknown(ActionParameters p, string key, ICollection<string> errors)
    {
        var near = Array.Find(Keys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        var hint = near is null ? $"known keys: {string.Join(", ", Keys)}" : $"did you mean '{near}'?";
        errors.Add($"{Variable} has an unknown key '{key}'; {hint}.");
        return p;
    }

    private static ValueList<string> Buckets(string key, JsonElement value, ICollection<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{Variable} key '{key}' must be an array of bucket names, got {Describe(value)}.");
            return ValueList<string>.Empty;
        }

        var names = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                var name = item.GetString()!.Trim();
                if (Core.Validation.BucketNames.Problem(name) is { } problem)
                {
                    errors.Add($"{Variable} key '{key}' item {index} is not an S3 bucket name, got {Describe(item)}: {problem}");
                }
                else
                {
                    names.Add(name);
                }
            }
            else
            {
                errors.Add($"{Variable} key '{key}' item {index} must be a non-empty bucket name, got {Describe(item)}.");
            }

            index++;
        }

        return names.Distinct(StringComparer.Ordinal).ToValueList();
    }

    private static int? Integer(string key, JsonElement value, int minimum, int maximum, ICollection<string> errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= minimum && number <= maximum)
        {
            return number;
        }

        var range = maximum == int.MaxValue ? $"of at least {minimum}" : $"from {minimum} to {maximum}";
        errors.Add($"{Variable} key '{key}' must be an integer {range}, got {Describe(value)}.");
        return null;
    }

    /// <summary>The longest <c>waitTimeout</c>.</summary>
    internal static readonly TimeSpan MaxWaitTimeout = TimeSpan.FromHours(1);

    /// <summary>Whether a wait timeout is in range (1 s to 1 h).</summary>
    internal static bool InWaitRange(TimeSpan timeout) => timeout >= TimeSpan.FromSeconds(1) && timeout <= MaxWaitTimeout;

    private static TimeSpan? WaitTimeout(JsonElement value, ICollection<string> errors)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (DurationText.TryParse(text, out var timeout) && InWaitRange(timeout))
        {
            return timeout;
        }

        errors.Add($"{Variable} key 'waitTimeout' must be a duration from 1s to 1h, {DurationText.Forms}; got {Describe(value)}.");
        return null;
    }

    private static bool Boolean(string key, JsonElement value, ICollection<string> errors)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add($"{Variable} key '{key}' must be true or false, got {Describe(value)}.");
        return false;
    }

    private static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 40 ? raw : raw[..37] + "...";
    }
}
