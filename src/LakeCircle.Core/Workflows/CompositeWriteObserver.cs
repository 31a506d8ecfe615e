using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Workflows;

/// <summary>
/// Several <see cref="IBucketWriteObserver"/>s around one write, nested like middleware: the before-steps run in list
/// order, the after-steps in reverse order. With <c>[archiving, verification]</c> the old configuration is saved first
/// and <c>current/</c> is written only after the verification passed. The first step that throws stops the rest.
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

    /// <inheritdoc />
    public async Task AfterWriteAsync(BucketPlan plan, CancellationToken cancellationToken)
    {
        for (var i = _observers.Length - 1; i >= 0; i--)
        {
            await _observers[i].AfterWriteAsync(plan, cancellationToken).ConfigureAwait(false);
        }
    }
}
