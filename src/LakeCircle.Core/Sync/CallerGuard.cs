using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Sync;

/// <summary>
/// The account guard of a writing run: the credentials must belong to the configured account before anything is
/// written. Messages name the account IDs only, never credentials.
/// </summary>
internal static class CallerGuard
{
    /// <summary>What is logged when an endpoint cannot tell the account of the credentials.</summary>
    public const string NotCheckedReason =
        "the S3 endpoint cannot tell the account of the credentials (S3-compatible server); every bucket call still carries the expected bucket owner";

    /// <summary>Checks the account of the credentials.</summary>
    /// <param name="identity">The check, or <see langword="null"/> when there is nothing to check (an account snapshot file).</param>
    /// <param name="expectedAccount">The configured account, or <see langword="null"/> when none is configured.</param>
    /// <param name="logger">Receives the outcome.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Why the run may not write, or <see langword="null"/> when it may.</returns>
    public static async Task<string?> CheckAsync(
        ICallerIdentity? identity, string? expectedAccount, ILogger logger, CancellationToken cancellationToken)
    {
        if (identity is null || string.IsNullOrWhiteSpace(expectedAccount))
        {
            return null;
        }

        string? actual;
        try
        {
            actual = await identity.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"Could not confirm that the credentials belong to account {expectedAccount} ({e.Message}): nothing was written.";
        }

        if (actual is null)
        {
            logger.CallerNotChecked(NotCheckedReason);
            return null;
        }

        if (!string.Equals(actual.Trim(), expectedAccount.Trim(), StringComparison.Ordinal))
        {
            return $"The credentials belong to account {actual}, not to the configured account {expectedAccount}: nothing was written.";
        }

        logger.CallerConfirmed(actual);
        return null;
    }
}
