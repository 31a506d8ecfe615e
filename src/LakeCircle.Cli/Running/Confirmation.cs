using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Running;

/// <summary>
/// Whether the process talks with a person: standard input and standard output both a terminal. Behind an interface so
/// that tests choose the answer; the real console is <see cref="ConsolePrompt"/>, everything else <see cref="NoPrompt"/>.
/// </summary>
internal interface IPrompt
{
    /// <summary>Whether a question can be asked and answered (both standard input and standard output are a terminal).</summary>
    bool IsInteractive { get; }

    /// <summary>Reads one answer line, or <see langword="null"/> at the end of the input.</summary>
    Task<string?> ReadAnswerAsync(CancellationToken cancellationToken);
}

/// <summary>The real console.</summary>
internal sealed class ConsolePrompt : IPrompt
{
    public static ConsolePrompt Instance { get; } = new();

    public bool IsInteractive => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    public async Task<string?> ReadAnswerAsync(CancellationToken cancellationToken) =>
        await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
}

/// <summary>No terminal (CI, containers, tests): nothing is ever asked.</summary>
internal sealed class NoPrompt : IPrompt
{
    public static NoPrompt Instance { get; } = new();

    public bool IsInteractive => false;

    public Task<string?> ReadAnswerAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>
/// The question before a writing run on a terminal: the plan, then <c>Apply these changes? [y/N]</c>, on standard
/// error (standard output keeps the report, as without the question). Only <c>y</c> or <c>yes</c> (any case) applies.
/// </summary>
internal static class Confirmation
{
    /// <summary>The question.</summary>
    public const string Question = "Apply these changes? [y/N] ";

    /// <summary>What is said, on standard error, when the answer is not yes (exit code 1).</summary>
    public const string Declined = "Nothing applied.";

    /// <summary>Whether the run must ask first: on a terminal, unless <c>--auto-approve</c>.</summary>
    public static bool MustAsk(CliContext context, bool autoApprove) => !autoApprove && context.Prompt.IsInteractive;

    /// <summary>Shows the plan and asks; <see langword="true"/> when the answer is yes.</summary>
    public static async Task<bool> AskAsync(CliContext context, TextWriter error, PlanOutcome plan, CancellationToken cancellationToken)
    {
        await error.WriteAsync(TextPlanRenderer.ToText(plan, new PlanRenderOptions { Color = context.ErrorIsTerminal })).ConfigureAwait(false);
        await error.WriteLineAsync().ConfigureAwait(false);
        await error.WriteAsync(Question).ConfigureAwait(false);
        await error.FlushAsync(cancellationToken).ConfigureAwait(false);
        var answer = (await context.Prompt.ReadAnswerAsync(cancellationToken).ConfigureAwait(false))?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }
}
