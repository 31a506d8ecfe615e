using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary><see cref="LakeCircleClient.ValidateAsync"/>: definition files checked without any account.</summary>
public class LakeCircleClientValidateTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task ValidateAsync_ValidFolder_ReturnsEachBucketsConfiguration()
    {
        await File.WriteAllTextAsync(_folder.File("logs.toml"), Toml("logs", ("expire", "logs/", 90), ("tmp", "tmp/", 1)));
        await File.WriteAllTextAsync(_folder.File("bare.toml"), Toml("bare", ("clean", "", 30)));

        var outcome = await LakeCircleClient.ValidateAsync([_folder.Path]);

        outcome.IsValid.Should().BeTrue();
        outcome.Buckets.Keys.Should().Equal("bare", "logs");
        outcome.Buckets["logs"].Rules.Select(r => r.Id).Should().Equal("expire", "tmp");
    }

    [Test]
    public async Task ValidateAsync_InvalidRuleAndMissingPath_ReportsBothWithTheirFiles()
    {
        var file = _folder.File("logs.toml");
        await File.WriteAllTextAsync(file, Toml("logs", ("expire", "logs/", 0)));
        var missing = _folder.File("nowhere");

        var outcome = await LakeCircleClient.ValidateAsync([_folder.Path, missing]);

        outcome.IsValid.Should().BeFalse();
        outcome.Diagnostics.Select(d => d.Location?.File).Should().Contain(missing).And.Contain(f => f != null && f.EndsWith("logs.toml", StringComparison.Ordinal));
        outcome.Diagnostics.Single(d => d.Location?.File != missing).Field.Should().Contain("Days");
    }
}
