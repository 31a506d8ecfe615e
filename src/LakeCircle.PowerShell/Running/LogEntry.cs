using Microsoft.Extensions.Logging;

namespace LakeCircle.PowerShell.Running;

/// <summary>One log event of the library, already masked and escaped for a PowerShell stream.</summary>
/// <param name="Level">The event's level.</param>
/// <param name="EventId">The event's id (the library's <c>Log</c> classes), which progress is derived from.</param>
/// <param name="Text">The line to show: the innermost bucket scope, the message and the fields it does not name.</param>
/// <param name="Bucket">The bucket of the innermost bucket scope, or <see langword="null"/>.</param>
/// <param name="Fields">The event's structured values (secrets masked), by name.</param>
internal sealed record LogEntry(LogLevel Level, int EventId, string Text, string? Bucket, IReadOnlyDictionary<string, object?> Fields)
{
    /// <summary>A field as a whole number, or <see langword="null"/> when absent or not a number.</summary>
    /// <param name="name">The field name, such as <c>BucketCount</c>.</param>
    /// <returns>The number.</returns>
    public int? Number(string name) => Fields.TryGetValue(name, out var value) && value is int number ? number : null;
}
