using System.Management.Automation;
using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Validation;
using LakeCircle.PowerShell.Running;

namespace LakeCircle.PowerShell.Commands;

/// <summary>Turns the forms of a rollback time into a <see cref="DateTimeOffset"/> (see <see cref="Inputs.TryReadTime"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TimeTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is null)
        {
            return inputData;
        }

        return Inputs.TryReadTime(value, out var time) ? time
            : throw new ArgumentTransformationMetadataException(
                $"Cannot read '{value}' as a time: expected a history stamp such as 20260314T091500.250Z, an ISO 8601 time (UTC unless it says otherwise), a [DateTime] or a [DateTimeOffset].");
    }
}

/// <summary>Turns the forms of a duration into a <see cref="TimeSpan"/> (see <see cref="Inputs.TryReadDuration"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return Inputs.TryReadDuration(value, out var duration) ? duration
            : throw new ArgumentTransformationMetadataException(
                $"Cannot read '{value}' as a duration: expected {DurationText.Forms}, or a [TimeSpan].");
    }
}

/// <summary>Checks that a wait timeout is from 1 s to 1 h, as the command line's <c>--wait-timeout</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ValidateWaitTimeoutAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (arguments is not TimeSpan timeout || !Inputs.InWaitRange(timeout))
        {
            throw new ValidationMetadataException($"The wait timeout must be from 1s to 1h, got {arguments}.");
        }
    }
}

/// <summary>Checks that each name is an S3 bucket name, as the command line's <c>--bucket</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ValidateBucketNameAttribute : ValidateEnumeratedArgumentsAttribute
{
    protected override void ValidateElement(object element)
    {
        var name = (element is PSObject wrapped ? wrapped.BaseObject : element) as string;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ValidationMetadataException("A bucket name is empty.");
        }

        if (BucketNames.Problem(name.Trim()) is { } problem)
        {
            throw new ValidationMetadataException($"'{Core.Rendering.SafeText.Escape(name)}' is not an S3 bucket name: {problem}");
        }
    }
}
