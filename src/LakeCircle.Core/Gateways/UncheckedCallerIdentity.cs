using LakeCircle.Core.Archive;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// The <see cref="ICallerIdentity"/> of an S3-compatible endpoint, which has no STS: it cannot tell the account, so
/// the run logs a warning (<see cref="CallerGuard.NotCheckedReason"/>) and relies on the expected bucket owner.
/// </summary>
internal sealed class UncheckedCallerIdentity : ICallerIdentity
{
    /// <summary>The one instance.</summary>
    public static UncheckedCallerIdentity Instance { get; } = new();

    private UncheckedCallerIdentity()
    {
    }

    /// <inheritdoc />
    public Task<string?> GetAccountAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
