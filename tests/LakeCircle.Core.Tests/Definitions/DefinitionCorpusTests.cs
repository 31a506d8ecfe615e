using System.Text;
using LakeCircle.Core.Definitions;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>
/// Runs the fixture corpus: every valid fixture loads clean, every invalid fixture reports the problem its first
/// line announces. The fixtures of <c>invalid/s3-rules/</c> (problems found by semantic validation) are not run here.
/// </summary>
public class DefinitionCorpusTests
{
    private static IEnumerable<string> InvalidFiles() => DefinitionFixtures.InvalidFiles();

    [Test]
    public async Task Load_ValidFixtures_HaveNoProblems()
    {
        var documents = await new LocalDefinitionSource(DefinitionFixtures.Valid).ReadAsync();

        var set = DefinitionLoader.Load(documents);

        set.Diagnostics.Should().BeEmpty();
        set.IsValid.Should().BeTrue();
        set.Buckets.Select(b => b.Bucket).Should().Equal("analytics-logs", "legacy-reports", "media-archive", "scratch");
    }

    [TestCaseSource(nameof(InvalidFiles))]
    public async Task Load_InvalidFixture_ReportsTheAnnouncedProblem(string name)
    {
        var path = Path.Combine(DefinitionFixtures.Invalid, name);
        var content = await File.ReadAllBytesAsync(path);
        var expectation = FixtureExpectation.Parse(Encoding.Latin1.GetString(content).Split('\n')[0]);

        var set = DefinitionLoader.Load([new DefinitionDocument(path, content)]);

        set.IsValid.Should().BeFalse();
        set.Diagnostics.Should().Contain(d => expectation.IsMetBy(d), "the fixture expects {0}; got:\n{1}", expectation, string.Join('\n', set.Diagnostics));
        set.Diagnostics.Should().OnlyContain(d => d.Location != null && d.Location.File == path);
    }

    private static IEnumerable<string> S3RuleFiles() => DefinitionFixtures.S3RuleFiles();

    /// <summary>
    /// The S3-rule fixtures load without reading problems, and the position each announces is where the loader
    /// places its field: once validation reports that field, the expectation holds.
    /// </summary>
    [TestCaseSource(nameof(S3RuleFiles))]
    public async Task Read_S3RuleFixture_PlacesTheAnnouncedFieldAtTheAnnouncedPosition(string name)
    {
        var path = Path.Combine(DefinitionFixtures.S3Rules, name);
        var content = await File.ReadAllBytesAsync(path);
        var expectation = FixtureExpectation.Parse(Encoding.UTF8.GetString(content).Split('\n')[0]);

        var file = DefinitionFileReader.Read(new DefinitionDocument(path, content));

        file.Diagnostics.Should().BeEmpty();
        file.Map.Resolve(expectation.Field!).Should().Be(new LakeCircle.Core.Definitions.Toml.TextPoint(expectation.Line, expectation.Column));
    }
}
