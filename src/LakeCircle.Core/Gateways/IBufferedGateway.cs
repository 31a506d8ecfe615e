namespace LakeCircle.Core.Gateways;

/// <summary>
/// An account store that keeps its writes in memory until <see cref="FlushAsync"/> saves them (an account snapshot
/// file): a writing run flushes once, when its writes end, whatever ended them, before its run record is written.
/// A decorator of such a store must implement this interface too and forward the call, or the writes stay unsaved.
/// </summary>
internal interface IBufferedGateway
{
    /// <summary>Saves every write made since the last save, in one atomic step; does nothing when there is none.</summary>
    /// <param name="cancellationToken">Cancels the save (the writes then stay unsaved).</param>
    /// <returns>A task that completes when the writes are saved.</returns>
    /// <exception cref="IOException">The writes could not be saved; the message names the file.</exception>
    Task FlushAsync(CancellationToken cancellationToken);
}
