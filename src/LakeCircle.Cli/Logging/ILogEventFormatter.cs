namespace LakeCircle.Cli.Logging;

/// <summary>Turns a log event into text: whole lines, each ending with a newline. Called under the writer's lock.</summary>
internal interface ILogEventFormatter
{
    string Format(LogEvent logEvent);
}
