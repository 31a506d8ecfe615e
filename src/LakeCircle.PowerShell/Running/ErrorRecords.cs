using System.Management.Automation;
using LakeCircle.Cli.Logging;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Rendering;

namespace LakeCircle.PowerShell.Running;

/// <summary>
/// The error records of expected failures: an id (<c>LakeCircle.…</c>), a category, the target (the bucket, file or
/// endpoint) and a message with URL passwords masked and outside text escaped, as the command line prints it. The
/// exception is never thrown, so no stack trace comes with it.
/// </summary>
internal static class ErrorRecords
{
    /// <summary>Configuration values that are invalid (terminating: nothing was read or written).</summary>
    public const string InvalidConfiguration = "LakeCircle.InvalidConfiguration";

    /// <summary>A definition that is invalid (the plan stops before reading the account).</summary>
    public const string InvalidDefinition = "LakeCircle.InvalidDefinition";

    /// <summary>The account could not be listed, or the endpoint not reached.</summary>
    public const string AccountUnavailable = "LakeCircle.AccountUnavailable";

    /// <summary>A bucket's lifecycle could not be read.</summary>
    public const string BucketReadFailed = "LakeCircle.BucketReadFailed";

    /// <summary>A bucket's write failed.</summary>
    public const string BucketWriteFailed = "LakeCircle.BucketWriteFailed";

    /// <summary>The run did not start: another run holds the lock, or the credentials belong to another account.</summary>
    public const string RunRefused = "LakeCircle.RunRefused";

    /// <summary>A guard (change or deletion limit) stopped the run before its first write.</summary>
    public const string LimitExceeded = "LakeCircle.LimitExceeded";

    /// <summary>One of the run's own steps failed (the lock, the run record).</summary>
    public const string RunStepFailed = "LakeCircle.RunStepFailed";

    /// <summary>No stored version to roll back to.</summary>
    public const string NoVersion = "LakeCircle.NoVersionToRestore";

    /// <summary>The endpoint's files (history, lock) could not be read or written.</summary>
    public const string EndpointFailed = "LakeCircle.EndpointFailed";

    /// <summary>A path given to <c>Test-LakeCircleDefinition</c> does not exist.</summary>
    public const string PathNotFound = "LakeCircle.PathNotFound";

    /// <summary>The message as it may be shown: URL passwords masked, each line's outside text escaped.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The shown message.</returns>
    public static string Shown(string message) =>
        string.Join('\n', SecretMasker.MaskUserInfo(message).Split('\n').Select(line => SafeText.Escape(line)));

    /// <summary>An error record of an expected failure.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="errorId">The id, one of the constants here.</param>
    /// <param name="category">The category.</param>
    /// <param name="target">The bucket, file or endpoint concerned, or <see langword="null"/>.</param>
    /// <param name="recommendedAction">What to do about it, or <see langword="null"/>.</param>
    /// <returns>The record.</returns>
    public static ErrorRecord Create(string message, string errorId, ErrorCategory category, object? target, string? recommendedAction = null)
    {
        var shown = Shown(message);
        var record = new ErrorRecord(new LakeCircleException(shown), errorId, category, target);
        if (recommendedAction is not null)
        {
            record.ErrorDetails = new ErrorDetails(shown) { RecommendedAction = recommendedAction };
        }

        return record;
    }

    /// <summary>The error record of an exception the client threw for a failure outside what its outcomes report.</summary>
    /// <param name="exception">An <see cref="S3GatewayException"/>, <see cref="IOException"/>, <see cref="InvalidDataException"/> or <see cref="UnauthorizedAccessException"/>.</param>
    /// <param name="target">What was worked on.</param>
    /// <returns>The record.</returns>
    public static ErrorRecord FromException(Exception exception, object? target)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var category = exception switch
        {
            UnauthorizedAccessException => ErrorCategory.PermissionDenied,
            S3GatewayException { Kind: S3ErrorKind.AccessDenied } => ErrorCategory.PermissionDenied,
            InvalidDataException => ErrorCategory.InvalidData,
            _ => ErrorCategory.ResourceUnavailable,
        };
        return Create(exception.Message, EndpointFailed, category, target);
    }

    /// <summary>Whether the client throws <paramref name="exception"/> for an expected failure (reported as an error record, not a crash).</summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for an expected failure.</returns>
    public static bool IsExpected(Exception exception) =>
        exception is S3GatewayException or IOException or InvalidDataException or UnauthorizedAccessException;
}
