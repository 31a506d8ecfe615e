namespace LakeCircle.Cli;

/// <summary>What a command needs from the process it runs in, injectable so that tests never read the real environment.</summary>
internal sealed record CliContext
{
    /// <summary>The <c>LCC_*</c> variables (other variables, such as the AWS SDK's, are read by the SDK itself).</summary>
    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    private readonly bool _errorIsTerminal;
    private readonly bool _outputIsTerminal;

    /// <summary>
    /// Whether logs on standard error are coloured: <c>--color always</c> or <c>never</c>, else whether it is a terminal
    /// that shows colours (only true for the real console, and not with <c>NO_COLOR</c>).
    /// </summary>
    public bool ErrorIsTerminal { get => Color.Decide(_errorIsTerminal); init => _errorIsTerminal = value; }

    /// <summary>Whether plans on standard output are coloured: as <see cref="ErrorIsTerminal"/>, for standard output.</summary>
    public bool OutputIsTerminal { get => Color.Decide(_outputIsTerminal); init => _outputIsTerminal = value; }

    /// <summary>
    /// Standard error as a terminal, on which dryrun, sync and rollback draw their progress line; <see langword="null"/>
    /// when it is not one (redirected, a CI log, tests unless they give a terminal). Whatever <c>--color</c> says: the
    /// line is drawn without colours with <c>--color never</c> or <c>NO_COLOR</c> (<see cref="ErrorIsTerminal"/>).
    /// </summary>
    public Progress.ErrorTerminal? ErrorTerminal { get; init; }

    /// <summary>The <c>--color</c> choice, set once the command line is parsed.</summary>
    public ColorChoice Color { get; init; } = new();

    /// <summary>Whether a person can be asked before a write (standard input and output a terminal), and their answer.</summary>
    public Running.IPrompt Prompt { get; init; } = Running.NoPrompt.Instance;

    /// <summary>The clock of the <c>generatedAt</c> member of JSON documents (injectable so that tests can pin it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>A context over the given variables, with no terminal.</summary>
    public static CliContext Of(IReadOnlyDictionary<string, string?> environment) => new() { Environment = environment };
}
