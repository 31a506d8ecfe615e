using LakeCircle.Core;
using LakeCircle.Core.Model;

namespace LakeCircle.Cli.Configuration;

/// <summary>
/// The workflow parameters read from <c>LCC_ACTION_PARAMS</c> (a JSON object with these camel-case keys). The defaults
/// of the concurrencies and the wait timeout are the library's (<see cref="LakeCircleClientOptions"/>).
/// </summary>
internal sealed record ActionParameters
{
    /// <summary>The parameters used when the variable is unset.</summary>
    public static ActionParameters Default { get; } = new();

    /// <summary>
    /// <c>buckets</c> (or <c>--bucket</c>): only these buckets are considered; <see langword="null"/> (not given) means every
    /// defined bucket, and an explicitly empty list selects none (a pipeline's computed list that came out empty syncs nothing).
    /// </summary>
    public ValueList<string>? Buckets { get; init; }

    /// <summary><c>concurrency</c>: how many buckets are read at once (1 to 256; default <see cref="LakeCircleClientOptions.DefaultReadConcurrency"/>).</summary>
    public int Concurrency { get; init; } = LakeCircleClientOptions.DefaultReadConcurrency;

    /// <summary><c>writeConcurrency</c>: how many buckets are written at once (1 to 64; default <see cref="LakeCircleClientOptions.DefaultWriteConcurrency"/>).</summary>
    public int WriteConcurrency { get; init; } = LakeCircleClientOptions.DefaultWriteConcurrency;

    /// <summary><c>maxChanges</c>: a run that would change more buckets stops before writing; <see langword="null"/> for no limit.</summary>
    public int? MaxChanges { get; init; }

    /// <summary><c>maxDeletions</c>: a run that would remove more rules stops before writing; <see langword="null"/> for no limit.</summary>
    public int? MaxDeletions { get; init; }

    /// <summary><c>maxDestructive</c>: a sync that would change more buckets destructively stops before writing; <see langword="null"/> for no limit.</summary>
    public int? MaxDestructive { get; init; }

    /// <summary><c>allowDestructive</c> (or <c>--allow-destructive</c>): protected buckets a sync may change destructively.</summary>
    public ValueList<string> AllowDestructive { get; init; } = ValueList<string>.Empty;

    /// <summary><c>detailedExitCode</c>: exit with a distinct code when the plan has changes.</summary>
    public bool DetailedExitCode { get; init; }

    /// <summary>
    /// <c>wait</c>: after each write, keep reading the bucket back until the written configuration is seen consistently
    /// (several reads in a row) or <see cref="WaitTimeout"/> passes; then the bucket is reported "applied, not yet visible".
    /// </summary>
    public bool Wait { get; init; }

    /// <summary>
    /// <c>waitTimeout</c>: how long <see cref="Wait"/> keeps reading back, such as <c>"60s"</c> or <c>"5m"</c> (1 s to 1 h;
    /// default <see cref="LakeCircleClientOptions.DefaultWaitTimeout"/>).
    /// </summary>
    public TimeSpan WaitTimeout { get; init; } = LakeCircleClientOptions.DefaultWaitTimeout;
}
