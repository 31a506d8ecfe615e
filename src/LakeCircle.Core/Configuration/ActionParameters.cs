using LakeCircle.Core.Model;

namespace LakeCircle.Core.Configuration;

/// <summary>The workflow parameters read from <c>LCC_ACTION_PARAMS</c> (a JSON object with these camel-case keys).</summary>
public sealed record ActionParameters
{
    /// <summary>The default of <see cref="Concurrency"/>.</summary>
    public const int DefaultConcurrency = 16;

    /// <summary>The default of <see cref="WriteConcurrency"/>.</summary>
    public const int DefaultWriteConcurrency = 2;

    /// <summary>The parameters used when the variable is unset.</summary>
    public static ActionParameters Default { get; } = new();

    /// <summary><c>buckets</c>: only these buckets are considered; empty means every bucket.</summary>
    public ValueList<string> Buckets { get; init; } = ValueList<string>.Empty;

    /// <summary><c>concurrency</c>: how many buckets are read at once (1 to 256).</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    /// <summary><c>writeConcurrency</c>: how many buckets are written at once (1 to 64).</summary>
    public int WriteConcurrency { get; init; } = DefaultWriteConcurrency;

    /// <summary><c>maxChanges</c>: a run that would change more buckets stops before writing; <see langword="null"/> for no limit.</summary>
    public int? MaxChanges { get; init; }

    /// <summary><c>maxDeletions</c>: a run that would remove more rules stops before writing; <see langword="null"/> for no limit.</summary>
    public int? MaxDeletions { get; init; }

    /// <summary><c>detailedExitCode</c>: exit with a distinct code when the plan has changes.</summary>
    public bool DetailedExitCode { get; init; }

    /// <summary><c>wait</c>: after writing, wait until S3 returns the written configuration.</summary>
    public bool Wait { get; init; }
}
