namespace LakeCircle.Cli.Tests.Commands;

/// <summary>Runs <c>lakecircle</c> through the real parser with an injected environment, capturing both writers.</summary>
internal static class CliRun
{
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        await RunAtAsync(null, environment, args);

    /// <summary>Runs with the JSON documents' clock fixed at <paramref name="time"/> (the system clock when null).</summary>
    public static async Task<CliResult> RunAtAsync(TimeProvider? time, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, output, error, environment ?? new Dictionary<string, string?>(), time);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Runs with a person at a terminal (or not) answering the question before a write.</summary>
    public static async Task<CliResult> RunWithPromptAsync(LakeCircle.Cli.Running.IPrompt prompt, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, output, error, environment ?? new Dictionary<string, string?>(), prompt: prompt);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>A terminal (or none) whose person gives one answer, counting the questions.</summary>
internal sealed class ScriptedPrompt(bool interactive, string? answer) : LakeCircle.Cli.Running.IPrompt
{
    public int Asked { get; private set; }

    public bool IsInteractive => interactive;

    public Task<string?> ReadAnswerAsync(CancellationToken cancellationToken)
    {
        Asked++;
        return Task.FromResult(answer);
    }
}
