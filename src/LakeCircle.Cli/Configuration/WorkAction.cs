namespace LakeCircle.Cli.Configuration;

/// <summary>The workflow a run performs (<c>LCC_ACTIONS</c>).</summary>
internal enum WorkAction
{
    /// <summary>Apply the definitions: one PUT (or DELETE) per bucket whose rules differ.</summary>
    Sync,

    /// <summary>Compute and show the plan without changing anything.</summary>
    DryRun,
}
