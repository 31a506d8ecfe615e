using LakeCircle.Core.Definitions;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>The quick-start example's definitions (examples/quickstart/endpoint/definition, copied next to the tests) are valid.</summary>
public class QuickstartDefinitionTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "examples", "quickstart", "endpoint", "definition");

    [Test]
    public async Task Load_QuickstartDefinitions_HaveNoProblems()
    {
        var documents = await new LocalDefinitionSource(Folder).ReadAsync();

        var set = DefinitionLoader.Load(documents);

        set.Diagnostics.Should().BeEmpty();
        set.Buckets.Select(b => b.Bucket).Should().Equal("acme-archive", "acme-backups", "acme-datalake", "acme-logs");
        set.Buckets.Single(b => b.Bucket == "acme-datalake").Files.Should().HaveCount(2, "two teams share the data lake");
        set.Buckets.Sum(b => b.Configuration.Rules.Count).Should().Be(8);
    }
}
