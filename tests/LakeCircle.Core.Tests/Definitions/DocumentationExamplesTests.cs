using LakeCircle.Core.Definitions;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>The TOML examples of docs/definitions.md are definitions that load without problems.</summary>
public class DocumentationExamplesTests
{
    [Test]
    public void Load_DefinitionsDocumentExamples_HaveNoProblems()
    {
        var blocks = Documentation.TomlBlocks("definitions.md");
        var documents = blocks.Select((toml, index) => DefinitionFixtures.Document($"definitions.md#example-{index + 1}", toml));

        var set = DefinitionLoader.Load(documents);

        blocks.Should().HaveCountGreaterThanOrEqualTo(2);
        set.Diagnostics.Should().BeEmpty();
        set.Buckets.Select(b => b.Bucket).Should().Equal("acme-backups", "analytics-logs", "scratch");
        set.Buckets[0].Protected.Should().BeTrue();
        set.Buckets[1].Configuration.Rules.Should().HaveCount(5);
    }
}
