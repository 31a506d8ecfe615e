namespace LakeCircle.Cli.Configuration;

/// <summary>The dotted keys of a <see cref="Payload"/>.</summary>
internal static class PayloadKeys
{
    /// <summary>The application name (<c>LCC_APP_NAME</c>).</summary>
    public const string AppName = "app.name";

    /// <summary>The minimum log level name, such as <c>INFO</c> (<c>LCC_APP_LEVEL</c>).</summary>
    public const string AppLevel = "app.level";

    /// <summary>The log format name, such as <c>TREE</c> (<c>LCC_LOG_FORMAT</c>).</summary>
    public const string AppFormat = "app.format";

    /// <summary>The report format, <c>text</c> or <c>json</c> (<c>LCC_OUTPUT</c>).</summary>
    public const string AppOutput = "app.output";

    /// <summary>The base folder (<c>LCC_ENDPOINT</c>), normalised to end with a slash or separator.</summary>
    public const string EndpointBase = "endpoint.base";

    /// <summary>The folder of the current configurations: <c>base/current/</c>.</summary>
    public const string EndpointCurrent = "endpoint.current";

    /// <summary>The folder of the configurations replaced by the last sync: <c>base/previous/</c>.</summary>
    public const string EndpointPrevious = "endpoint.previous";

    /// <summary>The folder of the change history: <c>base/history/</c>.</summary>
    public const string EndpointHistory = "endpoint.history";

    /// <summary>The folder of the TOML definitions: <c>base/definition/</c>.</summary>
    public const string EndpointDefinition = "endpoint.definition";

    /// <summary>The folder of data files: <c>base/data/</c>.</summary>
    public const string EndpointData = "endpoint.data";

    /// <summary>The folder of run logs: <c>base/log/</c>.</summary>
    public const string EndpointLog = "endpoint.log";

    /// <summary>The 12-digit account ID (<c>LCC_AWS_ACCOUNT</c>).</summary>
    public const string AwsAccount = "aws.account";

    /// <summary>The region (<c>LCC_AWS_REGION</c>).</summary>
    public const string AwsRegion = "aws.region";

    /// <summary>The regions a run is limited to, comma-separated, when set (<c>LCC_AWS_REGIONS</c>).</summary>
    public const string AwsRegions = "aws.regions";

    /// <summary>The URL of an S3-compatible server, when set (<c>LCC_S3_ENDPOINT</c>).</summary>
    public const string AwsS3Endpoint = "aws.s3Endpoint";

    /// <summary>The absolute path of an account snapshot file, when set (<c>LCC_SNAPSHOT</c>).</summary>
    public const string AwsSnapshot = "aws.snapshot";

    /// <summary>The workflow name, <c>SYNC</c> or <c>DRYRUN</c> (<c>LCC_ACTIONS</c>).</summary>
    public const string WorkActions = "work.actions";

    /// <summary>The effective workflow parameters as canonical JSON (<c>LCC_ACTION_PARAMS</c> with defaults applied).</summary>
    public const string WorkParams = "work.params";

    /// <summary>The selected buckets, comma-separated, when any are selected.</summary>
    public const string WorkBuckets = "work.params.buckets";

    /// <summary>How many buckets are read at once.</summary>
    public const string WorkConcurrency = "work.params.concurrency";

    /// <summary>How many buckets are written at once.</summary>
    public const string WorkWriteConcurrency = "work.params.writeConcurrency";

    /// <summary>The most buckets a run may change, when limited.</summary>
    public const string WorkMaxChanges = "work.params.maxChanges";

    /// <summary>The most rules a run may remove, when limited.</summary>
    public const string WorkMaxDeletions = "work.params.maxDeletions";

    /// <summary>The most buckets a sync may change destructively.</summary>
    public const string WorkMaxDestructive = "work.params.maxDestructive";

    /// <summary>The protected buckets a sync may change destructively, comma-separated.</summary>
    public const string WorkAllowDestructive = "work.params.allowDestructive";

    /// <summary><c>true</c> when the exit code tells whether the plan has changes.</summary>
    public const string WorkDetailedExitCode = "work.params.detailedExitCode";

    /// <summary><c>true</c> when a sync waits until S3 returns what was written.</summary>
    public const string WorkWait = "work.params.wait";

    /// <summary>How long a sync with <see cref="WorkWait"/> reads back, such as <c>60s</c>.</summary>
    public const string WorkWaitTimeout = "work.params.waitTimeout";

    /// <summary>The folders under <c>endpoint.base</c>, by payload key.</summary>
    internal static readonly (string Key, string Folder)[] EndpointFolders =
    [
        (EndpointCurrent, "current/"),
        (EndpointPrevious, "previous/"),
        (EndpointHistory, "history/"),
        (EndpointDefinition, "definition/"),
        (EndpointData, "data/"),
        (EndpointLog, "log/"),
    ];
}
