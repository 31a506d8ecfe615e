namespace LakeCircle.Cli.Configuration;

/// <summary>The shape of log lines (<c>LCC_LOG_FORMAT</c>).</summary>
internal enum LogFormat
{
    /// <summary>The nesting of the work (run, account, bucket, rule) shown by indentation and branch glyphs.</summary>
    Tree,

    /// <summary><see cref="Tree"/> with ANSI colours by level when writing to a terminal.</summary>
    ColorTree,

    /// <summary>One line per event: timestamp, level, category, message and <c>key=value</c> pairs.</summary>
    Text,

    /// <summary><see cref="Text"/> with ANSI colours by level when writing to a terminal.</summary>
    ColorText,

    /// <summary>One JSON object per line.</summary>
    Json,
}
