using LakeCircle.Core.Diagnostics;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>Warnings (rules without AWS evidence) are reported with their place but leave the definitions valid.</summary>
public class DefinitionWarningTests
{
    [Test]
    public void Load_OnlyWarnings_IsValidAndKeepsTheWarning()
    {
        var set = DefinitionFixtures.Load(DefinitionFixtures.OneRule(
            "ID = \"same-day\"\nStatus = \"Enabled\"\nFilter = {}\n"
            + "Transitions = [{ Days = 60, StorageClass = \"INTELLIGENT_TIERING\" }, { Days = 60, StorageClass = \"GLACIER\" }]"));

        set.IsValid.Should().BeTrue();
        set.ValidBucketCount.Should().Be(1);
        var warning = set.Diagnostics.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
        warning.Location!.Line.Should().Be(9);
        warning.ToString().Should().StartWith("b.toml:9:").And.Contain(": warning: b-bucket/same-day: LifecycleConfiguration.Rules[0].Transitions[1].Days: ");
    }

    /// <summary>Terraform's acceptance test EmptyFilter_NonCurrentVersions applies this configuration against AWS.</summary>
    [Test]
    public void Load_TerraformEmptyFilterNonCurrentVersions_HasNoProblem()
    {
        var set = DefinitionFixtures.Load(DefinitionFixtures.OneRule(
            "ID = \"tf\"\nStatus = \"Enabled\"\nFilter = {}\n"
            + "NoncurrentVersionExpiration = { NoncurrentDays = 30, NewerNoncurrentVersions = 2 }\n"
            + "NoncurrentVersionTransitions = [{ NoncurrentDays = 30, StorageClass = \"STANDARD_IA\" }]"));

        set.Diagnostics.Should().BeEmpty();
    }

    [Test]
    public void Load_OneInvalidBucketAmongValidOnes_CountsTheValidOnes()
    {
        var good = DefinitionFixtures.Document("a.toml", DefinitionFixtures.OneRule("ID = \"x\"\nStatus = \"Enabled\"\nFilter = {}\nExpiration = { Days = 1 }", "a-bucket"));
        var warned = DefinitionFixtures.Document("b.toml", DefinitionFixtures.OneRule(
            "ID = \"y\"\nStatus = \"Enabled\"\nFilter = {}\nNoncurrentVersionExpiration = { NoncurrentDays = 1, NewerNoncurrentVersions = 500 }", "b-bucket"));
        var bad = DefinitionFixtures.Document("c.toml", DefinitionFixtures.OneRule("ID = \"z\"\nStatus = \"Enabled\"\nFilter = {}\nExpiration = { Days = 0 }", "c-bucket"));

        var set = LakeCircle.Core.Definitions.DefinitionLoader.Load([good, warned, bad]);

        set.IsValid.Should().BeFalse();
        set.ValidBucketCount.Should().Be(2);
        set.Diagnostics.Select(d => d.Severity).Should().Equal(DiagnosticSeverity.Warning, DiagnosticSeverity.Error);
    }
}
