using LakeCircle.Core.Model;
using LakeCircle.Core.Tests.Support;
using LakeCircle.Core.Validation;

namespace LakeCircle.Core.Tests.Validation;

public class AwsUserGuideExamplesTests
{
    private static IEnumerable<TestCaseData> Examples() =>
        AwsUserGuideExamples.All.Select(pair => new TestCaseData(pair.Value).SetName($"Validate_UserGuideExample_{pair.Key}_IsClean"));

    [TestCaseSource(nameof(Examples))]
    public void Validate_UserGuideExample_IsClean(LifecycleConfiguration configuration)
    {
        LifecycleValidator.Validate("examples", configuration).Should().BeEmpty();
    }

    [Test]
    public void All_CoversEveryExample()
    {
        AwsUserGuideExamples.All.Should().HaveCount(21);
        AwsUserGuideExamples.All.Values.SelectMany(c => c.Rules).Should().OnlyContain(r => !string.IsNullOrEmpty(r.Id));
    }

    [Test]
    public void Validate_ConflictsExampleAsPrinted_ReportsStandardIaMinimum()
    {
        var diagnostics = LifecycleValidator.Validate("examples", AwsUserGuideExamples.OverlappingPrefixesConflictingActionsAsPrinted);

        diagnostics.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            RuleId = "Rule 1",
            Field = "Rules[0].Transitions[0].Days",
            Message = "Days must be at least 30 for a transition to STANDARD_IA, got 10.",
        });
    }
}
