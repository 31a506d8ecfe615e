namespace LakeCircle.Cli.Configuration;

/// <summary>How the text of a setting is read.</summary>
internal enum SettingKind
{
    /// <summary>Free text.</summary>
    String,

    /// <summary>One of a fixed set of names, matched without regard to case.</summary>
    Choice,

    /// <summary>An <c>s3://bucket/prefix/</c> URI, a local path or a <c>file://</c> URI.</summary>
    Location,

    /// <summary>A local file path.</summary>
    Path,

    /// <summary>An absolute <c>http</c> or <c>https</c> URL.</summary>
    Url,

    /// <summary>A JSON object.</summary>
    Json,
}
