using LakeCircle.Core.Definitions;

namespace LakeCircle.Benchmarks.Support;

/// <summary>Definition files held in memory, so that a workflow run measures the gateway and the planning, not the disk.</summary>
internal sealed class InMemoryDefinitionSource(IReadOnlyList<DefinitionDocument> documents) : IDefinitionSource
{
    public Task<IReadOnlyList<DefinitionDocument>> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(documents);
}
