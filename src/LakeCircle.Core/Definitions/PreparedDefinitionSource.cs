using System.Runtime.ExceptionServices;

namespace LakeCircle.Core.Definitions;

/// <summary>
/// The definitions of a source read once, ahead of a writing run, so that the run can refuse a location without
/// definitions before it takes the lock, and then plans from exactly what was checked (the source is not read again).
/// A read that failed fails again, the same way, when the run reads.
/// </summary>
internal sealed class PreparedDefinitionSource : IDefinitionSource
{
    private readonly IReadOnlyList<DefinitionDocument>? _documents;
    private readonly ExceptionDispatchInfo? _failure;

    private PreparedDefinitionSource(string location, IReadOnlyList<DefinitionDocument>? documents, ExceptionDispatchInfo? failure)
    {
        Location = location;
        _documents = documents;
        _failure = failure;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>Whether the source was read and holds no definition file (other files do not count).</summary>
    public bool HoldsNoDefinition => _documents is not null && _documents.All(d => d.IsOtherFile);

    /// <summary>The files read (empty when the read failed).</summary>
    public IReadOnlyList<DefinitionDocument> Documents => _documents ?? [];

    /// <summary>Reads <paramref name="source"/> now, keeping its documents or its failure.</summary>
    public static async Task<PreparedDefinitionSource> ReadAsync(IDefinitionSource source, CancellationToken cancellationToken)
    {
        try
        {
            return new PreparedDefinitionSource(source.Location, await source.ReadAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) // kept, and thrown again where the run reads its definitions, which handles it
        {
            return new PreparedDefinitionSource(source.Location, null, ExceptionDispatchInfo.Capture(e));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DefinitionDocument>> ReadAsync(CancellationToken cancellationToken = default)
    {
        _failure?.Throw();
        return Task.FromResult(_documents!);
    }
}
