namespace LakeCircle.Core.Export;

/// <summary>The file format of exported definitions.</summary>
public enum ExportFormat
{
    /// <summary>TOML definition files (<c>BUCKET.toml</c>), with a comment header; see <c>docs/definitions.md</c>.</summary>
    Toml = 0,

    /// <summary>JSON files in the AWS shape (<c>BUCKET.json</c>): <c>{"BucketName": "…", "LifecycleConfiguration": {…}}</c>, no header.</summary>
    Json = 1,
}
