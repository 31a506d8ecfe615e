using System.Globalization;
using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Configuration;

namespace LakeCircle.PowerShell.Running;

/// <summary>Reads the values PowerShell users pass for times and durations, in the command line's forms and in PowerShell's own.</summary>
internal static class Inputs
{
    /// <summary>
    /// A rollback time: a <see cref="DateTimeOffset"/>; a <see cref="DateTime"/> (UTC unless it is local time); or text as
    /// <c>lakecircle rollback --to</c> takes it — a history stamp such as <c>20260314T091500.250Z</c> or an ISO 8601
    /// time, UTC unless it says otherwise.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="time">The time.</param>
    /// <returns>Whether the value is a time.</returns>
    public static bool TryReadTime(object? value, out DateTimeOffset time)
    {
        switch (value)
        {
            case DateTimeOffset offset:
                time = offset;
                return true;
            case DateTime dateTime:
                time = dateTime.Kind == DateTimeKind.Local ? new DateTimeOffset(dateTime) : new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc));
                return true;
            case string text when RollbackCommand.ParseTime(text) is { } parsed:
                time = parsed;
                return true;
            default:
                time = default;
                return false;
        }
    }

    /// <summary>
    /// A duration: a <see cref="TimeSpan"/>; a number of seconds; or text as the command line takes it (<c>90s</c>,
    /// <c>5m</c>, <c>500ms</c>) or as PowerShell writes a time span (<c>00:01:30</c>).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="duration">The duration.</param>
    /// <returns>Whether the value is a duration.</returns>
    public static bool TryReadDuration(object? value, out TimeSpan duration)
    {
        switch (value)
        {
            case TimeSpan span:
                duration = span;
                return true;
            case int or long or double or decimal or float:
                var seconds = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                duration = seconds is >= 0 and <= 86_400 ? TimeSpan.FromSeconds(seconds) : default;
                return seconds is >= 0 and <= 86_400;
            case string text when DurationText.TryParse(text, out duration):
                return true;
            case string text when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration):
                return duration >= TimeSpan.Zero;
            default:
                duration = default;
                return false;
        }
    }

    /// <summary>Whether a wait timeout is in the range the command line allows (1 s to 1 h).</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool InWaitRange(TimeSpan timeout) => ActionParametersParser.InWaitRange(timeout);
}
