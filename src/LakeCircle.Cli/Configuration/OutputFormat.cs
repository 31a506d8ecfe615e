namespace LakeCircle.Cli.Configuration;

/// <summary>The shape of the report a run prints on standard output (<c>LCC_OUTPUT</c>).</summary>
internal enum OutputFormat
{
    /// <summary>Text for people.</summary>
    Text,

    /// <summary>JSON for machines.</summary>
    Json,
}
