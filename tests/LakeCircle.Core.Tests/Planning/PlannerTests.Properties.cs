using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Planning;

public partial class PlannerTests
{
    private const int Cases = 500;

    [Test]
    public void PlanBucket_ThenApply_GivesDesiredFingerprintAndNextPlanIsInSync()
    {
        var generator = new ConfigurationGenerator(20260101);
        var mutator = new ConfigurationMutator(generator);
        for (var i = 0; i < Cases; i++)
        {
            var desired = generator.Configuration(minRules: 0);
            var actual = ActualFor(desired, generator, mutator);

            var plan = Planner.PlanBucket("b", desired, actual);
            var after = Planner.Apply(plan, actual);

            var because = $"case {i}: desired {desired.Rules.Count} rules, actual {actual}";
            if (desired.Rules.Count == 0)
            {
                after.Rules.Should().BeEmpty(because);
                continue;
            }

            var expected = desired with { TransitionDefaultMinimumObjectSize = desired.TransitionDefaultMinimumObjectSize ?? actual.Configuration?.TransitionDefaultMinimumObjectSize };
            after.Configuration!.Fingerprint.Should().Be(expected.Fingerprint, because);
            after.Configuration.TransitionDefaultMinimumObjectSize.Should().Be(expected.TransitionDefaultMinimumObjectSize, because);
            (plan.ConfigurationToPut?.Rules ?? ValueList<LifecycleRule>.Empty).Where(r => string.IsNullOrEmpty(r.Id)).Should().BeEmpty(because);
            Planner.PlanBucket("b", desired, after).Status.Should().Be(BucketStatus.InSync, because);
        }
    }

    [Test]
    public void PlanBucket_SameConfigurationInAnyShapeOrOrder_HasNoChanges()
    {
        var generator = new ConfigurationGenerator(7);
        var mutator = new ConfigurationMutator(generator);
        for (var i = 0; i < Cases; i++)
        {
            var configuration = generator.Configuration();
            var same = mutator.Reshape(mutator.Reorder(configuration));

            var plan = Planner.PlanBucket("b", configuration, BucketState.Configured(same));

            plan.Status.Should().Be(BucketStatus.InSync, $"case {i}");
            plan.Unchanged.Should().HaveCount(configuration.Rules.Count, $"case {i}");
            Planner.PlanBucket("b", configuration, BucketState.Configured(configuration)).HasChanges.Should().BeFalse($"case {i}");
        }
    }

    [Test]
    public void PlanBucket_RealMutation_ChangesAndEveryChangedRuleListsFields()
    {
        var generator = new ConfigurationGenerator(99);
        var mutator = new ConfigurationMutator(generator);
        for (var i = 0; i < Cases; i++)
        {
            var actual = generator.Configuration();
            var (desired, description) = mutator.Mutate(actual);

            var plan = Planner.PlanBucket("b", desired, BucketState.Configured(actual));

            plan.Status.Should().Be(BucketStatus.Change, $"case {i}: {description}");
            plan.Action.Should().Be(desired.Rules.Count == 0 ? BucketAction.Delete : BucketAction.Put, $"case {i}: {description}");
            plan.Changed.Where(c => c.Fields.Count == 0).Should().BeEmpty($"case {i}: {description}");
        }
    }

    [Test]
    public void PlanBucket_FieldChangedUnderSameId_ListsThatField()
    {
        var generator = new ConfigurationGenerator(4242);
        var mutator = new ConfigurationMutator(generator);
        for (var i = 0; i < Cases; i++)
        {
            var rule = generator.Rule("r");
            var (changed, field) = mutator.ChangeField(rule);

            var plan = Planner.PlanBucket("b", LifecycleConfiguration.Of(changed), BucketState.Configured(LifecycleConfiguration.Of(rule)));

            var change = plan.Changed.Should().ContainSingle($"case {i}: {field}").Subject;
            change.Fields.Select(f => f.Field).Should().Contain(field, $"case {i}");
            change.Fields.Where(f => f.Before == f.After).Should().BeEmpty($"case {i}");
        }
    }

    private static BucketState ActualFor(LifecycleConfiguration desired, ConfigurationGenerator generator, ConfigurationMutator mutator) =>
        generator.Random.Next(6) switch
        {
            0 => BucketState.NoLifecycle,
            1 => BucketState.Configured(generator.Configuration()),
            2 => BucketState.Configured(mutator.Reshape(mutator.Reorder(desired))),
            _ => BucketState.Configured(mutator.Mutate(desired).Configuration),
        };
}
