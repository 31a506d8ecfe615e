namespace LakeCircle.Core.Definitions;

/// <summary>
/// The definition files of several sources read as one set (<see cref="LakeCircleClientOptions.DefinitionPaths"/>):
/// shared folders and a target's own, say. A bucket's rules may be spread over files of several sources, as over
/// several files of one folder (rule IDs unique across them).
/// </summary>
internal sealed class CombinedDefinitionSource : IDefinitionSource
{
    private readonly IReadOnlyList<IDefinitionSource> _sources;

    /// <summary>Creates the set.</summary>
    /// <param name="sources">The sources, read in this order.</param>
    public CombinedDefinitionSource(IReadOnlyList<IDefinitionSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentOutOfRangeException.ThrowIfZero(sources.Count, nameof(sources));
        _sources = sources;
    }

    /// <inheritdoc />
    public string Location => string.Join(", ", _sources.Select(s => s.Location));

    /// <inheritdoc />
    public async Task<IReadOnlyList<DefinitionDocument>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var documents = new List<DefinitionDocument>();
        foreach (var source in _sources)
        {
            documents.AddRange(await source.ReadAsync(cancellationToken).ConfigureAwait(false));
        }

        return documents;
    }
}
