using LakeCircle.Core.Diagnostics;

namespace LakeCircle.Core.Gateways.Json;

/// <summary>Malformed lifecycle JSON: what is wrong, where (1-based line and column) and at which property path.</summary>
internal sealed class LifecycleJsonException : Exception
{
    public LifecycleJsonException(string reason, int line, int column, string? path, Exception? innerException = null)
        : base(Format(reason, line, column, path), innerException)
    {
        Reason = reason;
        Line = line;
        Column = column;
        PropertyPath = path;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The 1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (in bytes of the line), or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The JSON path of the property, such as <c>$.Rules[0].Expiration.Days</c>, or <see langword="null"/>.</summary>
    public string? PropertyPath { get; }

    /// <summary>The problem as a diagnostic located in <paramref name="file"/>.</summary>
    public Diagnostic ToDiagnostic(string file) =>
        new() { Message = Reason, Location = new SourceLocation(file, Line, Column), Field = PropertyPath };

    private static string Format(string reason, int line, int column, string? path)
    {
        var where = line > 0 ? $"line {line}, column {column}" : "unknown position";
        return path is null ? $"{where}: {reason}" : $"{where}, {path}: {reason}";
    }
}
