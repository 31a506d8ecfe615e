using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Workflows;

/// <summary>
/// Several <see cref="IBucketWriteObserver"/>s around one write, nested like middleware: the before-steps run in list
/// order, the after-steps in reverse order. With <c>[archiving, verification]</c> the old configuration is saved first
/// and <c>current/</c> is written only after the verification passed. The first step that throws stops the rest, except
/// a write applied but not yet visible (<see cref="WriteNotVisibleException"/>), which is not a failure.
/// </summary>
internal sealed class CompositeWriteObserver : IBucketWriteObserver
{
    private readonly IBucketWriteObserver[] _observers;

    /// <summary>Creates the composite; <see langword="null"/> entries are left out.</summary>
    /// <param name="observers">The observers, outermost first.</param>
    public CompositeWriteObserver(params IEnumerable<IBucketWriteObserver?> observers)
    {
        ArgumentNullException.ThrowIfNull(observers);
        _observers = observers.OfType<IBucketWriteObserver>().ToArray();
    }

    /// <summary>The observers, outermost first.</summary>
    public IReadOnlyList<IBucketWriteObserver> Observers => _observers;

    /// <inheritdoc />
    public async Task BeforeWriteAsync(BucketPlan plan, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            await observer.BeforeWriteAsync(plan, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the after-steps, innermost first. A <see cref="WriteNotVisibleException"/> is not a failure: the steps
    /// outside it still run (the write was made, so <c>current/</c> records it), then it is thrown on.
    /// </summary>
    /// <param name="plan">The bucket's plan.</param>
    /// <param name="cancellationToken">Cancels the steps.</param>
    /// <returns>A task that completes when every step is done.</returns>
    public async Task AfterWriteAsync(BucketPlan plan, CancellationToken cancellationToken)
    {
        WriteNotVisibleException? notVisible = null;
        for (var i = _observers.Length - 1; i >= 0; i--)
        {
            try
            {
                await _observers[i].AfterWriteAsync(plan, cancellationToken).ConfigureAwait(false);
            }
            catch (WriteNotVisibleException e)
            {
                notVisible ??= e;
            }
        }

        if (notVisible is not null)
        {
            throw notVisible;
        }
    }
}
