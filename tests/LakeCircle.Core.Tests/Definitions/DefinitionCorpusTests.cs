using System.Text;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>
/// Runs the fixture corpus: every valid fixture loads clean, every invalid fixture reports the problem its first
/// line announces. The fixtures of <c>invalid/s3-rules/</c> hold one problem found by semantic validation each.
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
    /// Every S3-rule fixture reads without a reading problem, and validation reports exactly the announced problem at
    /// the announced place: each fixture breaks one rule and nothing else.
    /// </summary>
    [TestCaseSource(nameof(S3RuleFiles))]
    public async Task Load_S3RuleFixture_ReportsOnlyTheAnnouncedProblem(string name)
    {
        var path = Path.Combine(DefinitionFixtures.S3Rules, name);
        var content = await File.ReadAllBytesAsync(path);
        var expectation = FixtureExpectation.Parse(Encoding.UTF8.GetString(content).Split('\n')[0]);

        var file = DefinitionFileReader.Read(new DefinitionDocument(path, content));
        var set = DefinitionLoader.Load([new DefinitionDocument(path, content)]);

        file.Diagnostics.Should().BeEmpty("an S3-rule fixture has no reading problem");
        set.IsValid.Should().Be(expectation.Severity == DiagnosticSeverity.Warning, "only errors make definitions invalid");
        set.Diagnostics.Should().ContainSingle("the fixture breaks one rule; got:\n{0}", string.Join('\n', set.Diagnostics))
            .Which.Should().Match<Diagnostic>(d => expectation.IsMetBy(d), "the fixture expects {0}", expectation);
        set.Diagnostics[0].Location!.File.Should().Be(path);
        set.Diagnostics[0].Bucket.Should().Be(Path.GetFileNameWithoutExtension(name));
    }

    [Test]
    public void S3RuleFixtures_CoverEveryRuleOfTheValidationDocument()
    {
        var documented = Documentation.ValidationRuleNames();
        var covered = DefinitionFixtures.S3RuleFiles()
            .Select(name => (Name: name, Rule: DefinitionFixtures.RuleOf(Path.Combine(DefinitionFixtures.S3Rules, name))))
            .ToList();

        documented.Should().HaveCountGreaterThan(30);
        covered.Where(f => !documented.Contains(f.Rule)).Should().BeEmpty("each fixture's '# rule:' line names a row of docs/validation.md");
        documented.Except(covered.Select(f => f.Rule)).Should().BeEmpty("every rule of docs/validation.md has a failing fixture in invalid/s3-rules/");
    }

    /// <summary>A fixture's severity (<c># expect: warning …</c> or not) is the Severity its row of docs/validation.md gives.</summary>
    [Test]
    public void S3RuleFixtures_HaveTheSeverityOfTheirDocumentedRule()
    {
        var documented = Documentation.ValidationRules();
        documented.Values.Should().OnlyContain(s => s == "Error" || s == "Warning", "each row of docs/validation.md names its Severity");
        foreach (var name in DefinitionFixtures.S3RuleFiles())
        {
            var path = Path.Combine(DefinitionFixtures.S3Rules, name);
            var expectation = FixtureExpectation.Parse(File.ReadLines(path).First());
            var rule = DefinitionFixtures.RuleOf(path);
            if (documented.TryGetValue(rule, out var severity))
            {
                expectation.Severity.ToString().Should().Be(severity, "{0} breaks '{1}'", name, rule);
            }
        }
    }
}
