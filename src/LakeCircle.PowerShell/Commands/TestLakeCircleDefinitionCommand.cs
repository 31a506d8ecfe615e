using System.Management.Automation;
using LakeCircle.Core;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.PowerShell.Running;

namespace LakeCircle.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Checks definition files without reaching any account (<c>lakecircle validate</c>): TOML syntax, keys, types and the rules S3 enforces.</para>
/// <para type="description">
/// Writes <c>$true</c> when the files are valid (warnings allowed unless <c>-Strict</c>) and <c>$false</c> otherwise;
/// each error is a non-terminating error record (category InvalidData, the file as its target) and each warning goes
/// to the warning stream. With <c>-Detailed</c>, writes one <see cref="DefinitionDiagnostic"/> per problem instead (and
/// no error records). Paths come from <c>-Path</c> (wildcards allowed), <c>-LiteralPath</c> or the pipeline
/// (<c>Get-ChildItem *.toml | Test-LakeCircleDefinition</c>); folders are searched for *.toml. All the files given are
/// checked together, as one set of definitions.
/// </para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "LakeCircleDefinition", DefaultParameterSetName = PathSet)]
[OutputType(typeof(bool), typeof(DefinitionDiagnostic))]
public sealed class TestLakeCircleDefinitionCommand : PSCmdlet, IDisposable
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    private readonly CmdletPump _pump = new();
    private readonly List<string> _paths = [];
    private bool _missing;

    /// <summary>Definition files or folders; wildcards allowed. Default: the current location.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>Definition files or folders, taken as they are (binds the PSPath of piped files).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[]? LiteralPath { get; set; }

    /// <summary>Warnings (rules S3 is not known to enforce) count as errors.</summary>
    [Parameter]
    public SwitchParameter Strict { get; set; }

    /// <summary>Write the problems as objects instead of <c>$true</c>/<c>$false</c> and error records.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <summary>Releases the pump.</summary>
    public void Dispose() => _pump.Dispose();

    /// <summary>Collects the paths.</summary>
    protected override void ProcessRecord()
    {
        if (LiteralPath is not null)
        {
            _paths.AddRange(LiteralPath.Select(p => SessionState.Path.GetUnresolvedProviderPathFromPSPath(p)));
            return;
        }

        foreach (var path in Path ?? [])
        {
            try
            {
                _paths.AddRange(GetResolvedProviderPathFromPSPath(path, out _));
            }
            catch (ItemNotFoundException e)
            {
                _missing = true;
                WriteError(ErrorRecords.Create(e.Message, ErrorRecords.PathNotFound, ErrorCategory.ObjectNotFound, path));
            }
        }
    }

    /// <summary>Checks the files together.</summary>
    protected override void EndProcessing()
    {
        if (_paths.Count == 0 && !_missing)
        {
            _paths.Add(SessionState.Path.CurrentFileSystemLocation.ProviderPath);
        }

        if (_paths.Count == 0)
        {
            WriteObject(false);
            return;
        }

        ValidationOutcome outcome;
        try
        {
            outcome = _pump.Run(token => LakeCircleClient.ValidateAsync(_paths, token), _ => { });
        }
        catch (OperationCanceledException) when (_pump.IsStopping)
        {
            throw new PipelineStoppedException();
        }

        var errors = outcome.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        WriteVerbose($"{outcome.Buckets.Count} buckets defined; {errors} errors, {outcome.Diagnostics.Count - errors} warnings.");
        if (Detailed)
        {
            foreach (var diagnostic in outcome.Diagnostics)
            {
                WriteObject(new DefinitionDiagnostic(diagnostic));
            }

            return;
        }

        foreach (var diagnostic in outcome.Diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Warning && !Strict)
            {
                WriteWarning(ErrorRecords.Shown(diagnostic.ToString()));
            }
            else
            {
                WriteError(ErrorRecords.Create(diagnostic.ToString(), ErrorRecords.InvalidDefinition, ErrorCategory.InvalidData, diagnostic.Location?.File ?? diagnostic.Bucket));
            }
        }

        WriteObject(!_missing && outcome.IsValid && (!Strict || outcome.Diagnostics.Count == 0));
    }

    /// <summary>Cancels the check (Ctrl+C).</summary>
    protected override void StopProcessing() => _pump.Stop();
}
