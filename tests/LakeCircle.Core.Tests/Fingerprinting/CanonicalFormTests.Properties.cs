using LakeCircle.Core.Model;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Fingerprinting;

public partial class CanonicalFormTests
{
    private const int Cases = 500;

    [Test]
    public void Fingerprint_ReorderedRulesTagsTransitions_NeverChanges()
    {
        var generator = new ConfigurationGenerator(1);
        var mutator = new ConfigurationMutator(generator);
        for (var i = 0; i < Cases; i++)
        {
            var configuration = generator.Configuration();
            var reordered = mutator.Reorder(configuration);

            reordered.Fingerprint.Should().Be(configuration.Fingerprint, $"case {i}");
            reordered.Rules.Select(r => r.Fingerprint).Should().BeEquivalentTo(configuration.Rules.Select(r => r.Fingerprint), $"case {i}");
        }
    }

    [Test]
    public void Fingerprint_ReshapedToEquivalentForms_NeverChanges()
    {
        var generator = new ConfigurationGenerator(2);
        var mutator = new ConfigurationMutator(generator);
        for (var i = 0; i < Cases; i++)
        {
            var configuration = generator.Configuration();
            var reshaped = mutator.Reshape(configuration);

            reshaped.Fingerprint.Should().Be(configuration.Fingerprint, $"case {i}");
            reshaped.Rules.Select(r => r.DerivedId).Should().Equal(configuration.Rules.Select(r => r.DerivedId), $"case {i}");
        }
    }

    [Test]
    public void Fingerprint_RealMutation_AlwaysChanges()
    {
        var generator = new ConfigurationGenerator(3);
        var mutator = new ConfigurationMutator(generator);
        for (var i = 0; i < Cases; i++)
        {
            var configuration = generator.Configuration();
            var (mutated, description) = mutator.Mutate(configuration);

            mutated.Fingerprint.Should().NotBe(configuration.Fingerprint, $"case {i}: {description}");
        }
    }

    [Test]
    public void Fingerprint_FieldChange_ChangesRuleButKeepsId()
    {
        var generator = new ConfigurationGenerator(4);
        var mutator = new ConfigurationMutator(generator);
        for (var i = 0; i < Cases; i++)
        {
            var rule = generator.Rule(i % 5 == 0 ? null : "r");
            var (changed, field) = mutator.ChangeField(rule);

            changed.Fingerprint.Should().NotBe(rule.Fingerprint, $"case {i}: {field}");
            changed.ContentFingerprint.Should().NotBe(rule.ContentFingerprint, $"case {i}: {field}");
        }
    }

    [Test]
    public void Generator_SameSeed_SameConfigurations()
    {
        var a = new ConfigurationGenerator(5);
        var b = new ConfigurationGenerator(5);

        Enumerable.Range(0, 20).Select(_ => a.Configuration()).Should().Equal(Enumerable.Range(0, 20).Select(_ => b.Configuration()));
    }

    [Test]
    public void Generator_ManyCases_CoversTheWholeSchema()
    {
        var generator = new ConfigurationGenerator(6);
        var configurations = Enumerable.Range(0, Cases).Select(_ => generator.Configuration()).ToList();
        var rules = configurations.SelectMany(c => c.Rules).ToList();

        var covered = new Dictionary<string, bool>
        {
            ["no filter"] = rules.Exists(r => r.Filter is null && r.Prefix is null),
            ["empty filter"] = rules.Exists(r => r.Filter == LifecycleFilter.MatchAll),
            ["filter prefix"] = rules.Exists(r => r.Filter?.Prefix is not null),
            ["legacy prefix"] = rules.Exists(r => r.Prefix is not null),
            ["tag"] = rules.Exists(r => r.Filter?.Tag is not null),
            ["greater"] = rules.Exists(r => r.Filter?.ObjectSizeGreaterThan is not null),
            ["less"] = rules.Exists(r => r.Filter?.ObjectSizeLessThan is not null),
            ["And with tags"] = rules.Exists(r => r.Filter?.And?.Tags.Count > 1),
            ["And with sizes"] = rules.Exists(r => r.Filter?.And is { ObjectSizeGreaterThan: not null, ObjectSizeLessThan: not null }),
            ["disabled"] = rules.Exists(r => r.Status == RuleStatus.Disabled),
            ["no ID"] = rules.Exists(r => r.Id is null),
            ["expiration days"] = rules.Exists(r => r.Expiration?.Days is not null),
            ["expiration date"] = rules.Exists(r => r.Expiration?.Date is not null),
            ["delete marker"] = rules.Exists(r => r.Expiration?.ExpiredObjectDeleteMarker == true),
            ["transition days"] = rules.Exists(r => r.Transitions.Count > 1 && r.Transitions[0].Days is not null),
            ["transition dates"] = rules.Exists(r => r.Transitions.Count > 1 && r.Transitions[0].Date is not null),
            ["noncurrent expiration"] = rules.Exists(r => r.NoncurrentVersionExpiration?.NewerNoncurrentVersions is not null),
            ["noncurrent transitions"] = rules.Exists(r => r.NoncurrentVersionTransitions.Count > 1),
            ["abort"] = rules.Exists(r => r.AbortIncompleteMultipartUpload is not null),
            ["minimum size unset"] = configurations.Exists(c => c.TransitionDefaultMinimumObjectSize is null),
            ["minimum size 128K"] = configurations.Exists(c => c.TransitionDefaultMinimumObjectSize == TransitionDefaultMinimumObjectSizes.AllStorageClasses128K),
            ["minimum size varies"] = configurations.Exists(c => c.TransitionDefaultMinimumObjectSize == TransitionDefaultMinimumObjectSizes.VariesByStorageClass),
        };

        covered.Where(c => !c.Value).Select(c => c.Key).Should().BeEmpty();
    }
}
