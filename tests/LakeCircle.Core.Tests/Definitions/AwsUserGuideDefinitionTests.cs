using System.Text.RegularExpressions;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Model;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>
/// The S3 user guide's lifecycle examples written as definitions (fixtures/definitions/aws-user-guide/, one file per
/// example, named after it in kebab case) load clean into the same configuration as the model fixture.
/// </summary>
public partial class AwsUserGuideDefinitionTests
{
    private static readonly string Folder = Path.Combine(DefinitionFixtures.Root, "aws-user-guide");

    private static IEnumerable<TestCaseData> Examples() =>
        AwsUserGuideExamples.All.Select(pair => new TestCaseData(pair.Key, pair.Value)
            .SetName($"Load_UserGuideExample_{pair.Key}_MatchesTheModel"));

    [TestCaseSource(nameof(Examples))]
    public async Task Load_UserGuideExample_MatchesTheModel(string name, LifecycleConfiguration expected)
    {
        var path = Path.Combine(Folder, FileName(name));
        var documents = await new LocalDefinitionSource(path).ReadAsync();

        var set = DefinitionLoader.Load(documents);

        set.Diagnostics.Should().BeEmpty();
        var bucket = set.Buckets.Should().ContainSingle().Subject;
        bucket.Bucket.Should().Be("aws-guide-" + Path.GetFileNameWithoutExtension(path));
        bucket.Configuration.Fingerprint.Should().Be(expected.Fingerprint);
        bucket.Configuration.Should().Be(expected, "the definition spells out the model, rule by rule");
    }

    [Test]
    public void Folder_HoldsOneFilePerExample()
    {
        var files = Directory.EnumerateFiles(Folder).Select(Path.GetFileName);

        files.Should().BeEquivalentTo(AwsUserGuideExamples.All.Keys.Select(FileName));
    }

    [Test]
    public async Task Load_WholeFolder_GivesOneBucketPerExampleWithoutProblems()
    {
        var set = DefinitionLoader.Load(await new LocalDefinitionSource(Folder).ReadAsync());

        set.IsValid.Should().BeTrue(string.Join('\n', set.Diagnostics));
        set.Buckets.Should().HaveCount(AwsUserGuideExamples.All.Count);
    }

    /// <summary><c>TieringDown</c> → <c>tiering-down.toml</c>.</summary>
    private static string FileName(string exampleName) => UpperCase().Replace(exampleName, "-$0").TrimStart('-').ToLowerInvariant() + ".toml";

    [GeneratedRegex("[A-Z]")]
    private static partial Regex UpperCase();
}
