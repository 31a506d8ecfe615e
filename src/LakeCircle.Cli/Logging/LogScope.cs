namespace LakeCircle.Cli.Logging;

/// <summary>
/// A scope around log events (run, account, bucket, rule), from <c>logger.BeginScope</c> with a string, a message
/// template (<c>BeginScope("Bucket {Bucket}", name)</c>) or key/value pairs (<c>{"Bucket": "logs"}</c>).
/// </summary>
/// <param name="Text">How the scope reads: the string, the formatted template, or <c>key=value</c> pairs.</param>
/// <param name="Fields">The structured values (masked), empty for a plain string.</param>
internal sealed record LogScope(string Text, IReadOnlyList<LogField> Fields)
{
    /// <summary>The text as printed on one line: escaped as <see cref="Core.Rendering.SafeText"/> does, pairs quoted.</summary>
    public string Shown { get; init; } = Core.Rendering.SafeText.Escape(Text);

    public static LogScope From(object? state)
    {
        var secrets = new List<string>();
        var pairs = LogField.PairsOf(state);
        if (pairs is null)
        {
            return new LogScope(state?.ToString() ?? string.Empty, []);
        }

        var fields = LogField.From(pairs, secrets);
        if (pairs.Any(p => p.Key == LogField.OriginalFormat))
        {
            return new LogScope(SecretMasker.Scrub(state!.ToString() ?? string.Empty, secrets), fields);
        }

        // Quoted and escaped already: shown as it is.
        var text = string.Join(' ', fields.Select(f => $"{f.Key}={KeyValueText.Quote(f.Text)}"));
        return new LogScope(text, fields) { Shown = text };
    }
}
