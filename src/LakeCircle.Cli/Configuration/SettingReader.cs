using System.Text.RegularExpressions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Gateways;

namespace LakeCircle.Cli.Configuration;

/// <summary>
/// Reads single variables (overrides first, then the environment, then the default; blank counts as unset) and
/// collects one diagnostic per problem. Values of secret variables are never repeated in a message.
/// </summary>
internal sealed class SettingReader(
    IReadOnlyDictionary<string, string?> environment,
    IReadOnlyDictionary<string, string?>? overrides,
    string baseDirectory)
{
    private readonly List<Diagnostic> _errors = [];

    public IReadOnlyList<Diagnostic> Errors => _errors;

    /// <summary>The trimmed text of the variable, or its default, or <see langword="null"/> (reported when required).</summary>
    public string? Raw(SettingDefinition definition)
    {
        var text = Lookup(overrides, definition.Name) ?? Lookup(environment, definition.Name) ?? definition.Default;
        if (text is null && definition.Required)
        {
            Error(definition, $"{definition.Name} is required (or pass {definition.Flag}): {definition.Description}");
        }

        return text;
    }

    public string? Matching(SettingDefinition definition, Regex pattern, string expectation)
    {
        var text = Raw(definition);
        if (text is null || pattern.IsMatch(text))
        {
            return text;
        }

        Error(definition, $"{definition.Name} must be {expectation}, got {Shown(definition, text)}.");
        return null;
    }

    public string? Choice(SettingDefinition definition)
    {
        var text = Raw(definition);
        if (text is null)
        {
            return null;
        }

        var choice = definition.Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
        if (choice is null)
        {
            Error(definition,
                $"{definition.Name} must be one of {string.Join(", ", definition.Choices)}, got {Shown(definition, text)}.");
        }

        return choice;
    }

    public EndpointLocation? Location(SettingDefinition definition)
    {
        var text = Raw(definition);
        if (text is null)
        {
            return null;
        }

        if (EndpointLocation.TryParse(text, baseDirectory, out var location, out _))
        {
            return location;
        }

        Error(definition, $"{definition.Name} must be {EndpointText.Forms}, got {Shown(definition, text)}.");
        return null;
    }

    public Uri? Url(SettingDefinition definition)
    {
        var text = Raw(definition);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        Error(definition, $"{definition.Name} must be an absolute http:// or https:// URL, got {Shown(definition, text)}.");
        return null;
    }

    public string? FilePath(SettingDefinition definition)
    {
        var text = Raw(definition);
        if (text is null)
        {
            return null;
        }

        if (text.IndexOfAny(Path.GetInvalidPathChars()) < 0)
        {
            return Path.GetFullPath(text, baseDirectory);
        }

        Error(definition, $"{definition.Name} must be a file path, got {Shown(definition, text)}.");
        return null;
    }

    public void Error(SettingDefinition definition, string message) =>
        _errors.Add(new Diagnostic { Field = definition.Name, Message = message });

    private static string Shown(SettingDefinition definition, string text) =>
        definition.Secret ? "a value that is not shown because it is secret" : $"'{text}'";

    private static string? Lookup(IReadOnlyDictionary<string, string?>? values, string name) =>
        values is not null && values.TryGetValue(name, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
