using LakeCircle.Core.Model;
using static LakeCircle.Core.Tests.Validation.ValidationHelpers;

namespace LakeCircle.Core.Tests.Validation;

public class NoncurrentChecksTests
{
    private static LifecycleRule WithNoncurrentExpiration(NoncurrentVersionExpiration expiration) =>
        ValidRule() with { Expiration = null, NoncurrentVersionExpiration = expiration };

    private static LifecycleRule WithNoncurrentTransitions(params NoncurrentVersionTransition[] transitions) =>
        ValidRule() with { Expiration = null, NoncurrentVersionTransitions = ValueList.Of(transitions) };

    [Test]
    public void Validate_NoncurrentExpirationWithoutDays_ReportsNoncurrentDays()
    {
        SingleProblem(WithNoncurrentExpiration(new NoncurrentVersionExpiration { NewerNoncurrentVersions = 3 }))
            .ShouldReport("Rules[0].NoncurrentVersionExpiration.NoncurrentDays", "r1", "required", "positive integer");
    }

    [Test]
    public void Validate_NoncurrentExpirationZeroDays_ReportsNoncurrentDays()
    {
        SingleProblem(WithNoncurrentExpiration(new NoncurrentVersionExpiration { NoncurrentDays = 0 }))
            .ShouldReport("Rules[0].NoncurrentVersionExpiration.NoncurrentDays", "r1", "positive integer", "got 0");
    }

    [TestCase(0)]
    [TestCase(101)]
    public void Validate_NewerNoncurrentVersionsOutOfRange_ReportsField(int versions)
    {
        SingleProblem(WithNoncurrentExpiration(new NoncurrentVersionExpiration { NoncurrentDays = 1, NewerNoncurrentVersions = versions }))
            .ShouldBeWarning().ShouldReport("Rules[0].NoncurrentVersionExpiration.NewerNoncurrentVersions", "r1", "between 1 and 100", $"got {versions}");
    }

    [Test]
    public void Validate_NoncurrentTransitionNewerVersionsOutOfRange_ReportsField()
    {
        SingleProblem(WithNoncurrentTransitions(new NoncurrentVersionTransition { NoncurrentDays = 1, NewerNoncurrentVersions = 200, StorageClass = StorageClasses.Glacier }))
            .ShouldBeWarning().ShouldReport("Rules[0].NoncurrentVersionTransitions[0].NewerNoncurrentVersions", "r1", "between 1 and 100", "got 200");
    }

    [Test]
    public void Validate_NoncurrentTransitionWithoutDays_ReportsNoncurrentDays()
    {
        SingleProblem(WithNoncurrentTransitions(new NoncurrentVersionTransition { StorageClass = StorageClasses.Glacier }))
            .ShouldReport("Rules[0].NoncurrentVersionTransitions[0].NoncurrentDays", "r1", "required");
    }

    [Test]
    public void Validate_NoncurrentTransitionNegativeDays_ReportsNoncurrentDays()
    {
        SingleProblem(WithNoncurrentTransitions(new NoncurrentVersionTransition { NoncurrentDays = -1, StorageClass = StorageClasses.Glacier }))
            .ShouldReport("Rules[0].NoncurrentVersionTransitions[0].NoncurrentDays", "r1", "0 or a positive integer", "got -1");
    }

    [Test]
    public void Validate_NoncurrentTransitionZeroDaysToGlacier_ReportsNothing()
    {
        Validate(WithNoncurrentTransitions(new NoncurrentVersionTransition { NoncurrentDays = 0, StorageClass = StorageClasses.Glacier })).Should().BeEmpty();
    }

    [TestCase(StorageClasses.StandardIA)]
    [TestCase(StorageClasses.OneZoneIA)]
    public void Validate_NoncurrentInfrequentAccessBefore30Days_ReportsNoncurrentDays(string storageClass)
    {
        SingleProblem(WithNoncurrentTransitions(new NoncurrentVersionTransition { NoncurrentDays = 10, StorageClass = storageClass }))
            .ShouldReport("Rules[0].NoncurrentVersionTransitions[0].NoncurrentDays", "r1", $"at least 30 for a transition to {storageClass}", "got 10");
    }

    [Test]
    public void Validate_NoncurrentTransitionUnknownClass_ReportsStorageClass()
    {
        SingleProblem(WithNoncurrentTransitions(new NoncurrentVersionTransition { NoncurrentDays = 1, StorageClass = "STANDARD" }))
            .ShouldReport("Rules[0].NoncurrentVersionTransitions[0].StorageClass", "r1", "StorageClass must be one of", "got 'STANDARD'");
    }

    [Test]
    public void Validate_NoncurrentTransitionsToSameClass_ReportsSecond()
    {
        SingleProblem(WithNoncurrentTransitions(
                new NoncurrentVersionTransition { NoncurrentDays = 1, StorageClass = StorageClasses.DeepArchive },
                new NoncurrentVersionTransition { NoncurrentDays = 5, StorageClass = StorageClasses.DeepArchive }))
            .ShouldReport("Rules[0].NoncurrentVersionTransitions[1].StorageClass", "r1", "different storage class", "NoncurrentVersionTransitions[0]");
    }
}
