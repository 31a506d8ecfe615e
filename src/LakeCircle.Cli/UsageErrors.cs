using System.CommandLine;
using System.CommandLine.Parsing;
using LakeCircle.Core.Definitions.Reading;

namespace LakeCircle.Cli;

/// <summary>
/// What a command line that does not parse gets on standard error: one line per unknown flag, command or argument (with
/// "Did you mean" for a misspelling, or the command a flag belongs to), the other parse errors, then one hint line.
/// The value after an unknown flag is taken as that flag's, not reported as a second unknown argument.
/// </summary>
internal static class UsageErrors
{
    private const string Program = "lakecircle";

    private const string Sentinel = "lakecircle-unmatched-token";

    /// <summary>System.CommandLine's message for an unmatched token, in the current culture, with <see cref="Sentinel"/> for the token.</summary>
    private static readonly Lazy<string> UnrecognizedTemplate = new(() => new Command("probe").Parse([Sentinel]).Errors.Single().Message);

    /// <summary>The lines to print for a parse result that has errors.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var commandResult = parseResult.CommandResult;
        var lines = new List<string>(DescribeUnmatched(parseResult, commandResult));
        var unmatchedMessages = parseResult.UnmatchedTokens
            .Select(token => UnrecognizedTemplate.Value.Replace(Sentinel, token, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        lines.AddRange(parseResult.Errors.Select(e => e.Message).Where(message => !unmatchedMessages.Contains(message)));
        lines.Add($"Run '{PathOf(commandResult)} --help' for usage.");
        return lines;
    }

    /// <summary>The closest of <paramref name="candidates"/> to a misspelt <paramref name="text"/>, or <see langword="null"/> when none is close.</summary>
    internal static string? Closest(string text, IEnumerable<string> candidates)
    {
        var names = candidates.Distinct(StringComparer.Ordinal).ToList();
        var typed = text.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in names)
        {
            var distance = KeySuggester.Distance(typed, name.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        var length = text.TrimStart('-').Length;
        var allowed = length <= 2 ? 0 : length <= 4 ? 1 : length <= 8 ? 2 : 3;
        if (best is not null && bestDistance <= allowed)
        {
            return best;
        }

        // A flag cut short, such as --snap for --snapshot, when only one starts so.
        var starting = length >= 3 ? names.Where(n => n.StartsWith(text, StringComparison.OrdinalIgnoreCase)).Take(2).ToList() : [];
        return starting.Count == 1 ? starting[0] : null;
    }

    private static IEnumerable<string> DescribeUnmatched(ParseResult parseResult, CommandResult commandResult)
    {
        var command = commandResult.Command;
        var root = parseResult.RootCommandResult.Command;
        var path = PathOf(commandResult);
        var tokens = parseResult.Tokens;
        var cursor = 0;
        var valueExpectedAt = -1;
        var commandReported = false;
        foreach (var text in parseResult.UnmatchedTokens)
        {
            // Unmatched tokens come in command-line order: find each one's place to tell a flag's value from a stray argument.
            var index = -1;
            for (var i = cursor; i < tokens.Count; i++)
            {
                if (tokens[i].Value == text)
                {
                    index = i;
                    cursor = i + 1;
                    break;
                }
            }

            var isFlag = text.Length > 1 && text[0] == '-';
            if (!isFlag && valueExpectedAt >= 0 && index == valueExpectedAt + 1)
            {
                valueExpectedAt = -1;
                continue;
            }

            valueExpectedAt = -1;
            if (isFlag)
            {
                var name = text.Split('=', 2)[0];
                var (line, takesValue) = UnknownFlag(name, command, root, path);
                if (takesValue && name.Length == text.Length && index >= 0)
                {
                    valueExpectedAt = index;
                }

                yield return line;
            }
            else if (command == root && !commandReported)
            {
                commandReported = true;
                var names = root.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
                yield return $"Unknown command '{text}'." + (Closest(text, names) is { } suggestion ? $" Did you mean '{suggestion}'?" : string.Empty);
            }
            else
            {
                yield return $"Unexpected argument '{text}' for '{path}'.";
            }
        }
    }

    private static (string Line, bool TakesValue) UnknownFlag(string name, Command command, Command root, string path)
    {
        var line = $"Unknown option '{name}' for '{path}'";
        var owners = root.Subcommands
            .Where(c => c != command && !c.Hidden)
            .Select(c => (Command: c, Option: c.Options.FirstOrDefault(o => !o.Hidden && (o.Name == name || o.Aliases.Contains(name)))))
            .Where(owner => owner.Option is not null)
            .ToList();
        if (owners.Count > 0)
        {
            var names = string.Join(", ", owners.Select(owner => $"'{Program} {owner.Command.Name}'"));
            return ($"{line}: it is an option of {names}.", TakesValue(owners[0].Option!));
        }

        var options = command.Options.Concat(command == root ? [] : root.Options.Where(o => o.Recursive)).ToList();
        if (Closest(name, options.SelectMany(o => o.Aliases.Prepend(o.Name))) is { } suggestion)
        {
            var option = options.First(o => o.Name == suggestion || o.Aliases.Contains(suggestion));
            return ($"{line}. Did you mean '{suggestion}'?", TakesValue(option));
        }

        // Nothing known by that name: a following bare word is most likely its value.
        return (line + ".", true);
    }

    private static bool TakesValue(Option option) => option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool);

    private static string PathOf(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult commandResult; current = commandResult.Parent)
        {
            names.Add(commandResult.Parent is null ? Program : commandResult.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
