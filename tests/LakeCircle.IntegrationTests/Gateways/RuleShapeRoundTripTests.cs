using LakeCircle.Core.Model;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests.Gateways;

public sealed class RuleShapeRoundTripTests
{
    private static IEnumerable<TestCaseData> Shapes() => RuleShapes.All.Select(s => new TestCaseData(s.Name).SetName($"PutThenGet_{s.Name}_SameFingerprint"));

    [TestCaseSource(nameof(Shapes))]
    public async Task PutThenGet_Shape_SameFingerprint(string name)
    {
        var rule = RuleShapes.All.Single(s => s.Name == name).Rule;
        var bucket = await S3TestServer.Current.Buckets.CreateAsync("shape");
        using var gateway = S3TestServer.Current.CreateGateway();

        await gateway.PutLifecycleAsync(bucket, LifecycleConfiguration.Of(rule));
        var stored = await gateway.GetLifecycleAsync(bucket);

        stored.Should().NotBeNull();
        stored!.Rules.Should().ContainSingle().Which.Fingerprint.Should().Be(rule.Fingerprint, "the server keeps {0}", LakeCircle.Core.Fingerprinting.CanonicalForm.RuleJson(rule));
    }

    [Test]
    public async Task PutThenGet_AllShapesInOneConfiguration_SameConfigurationFingerprint()
    {
        var bucket = await S3TestServer.Current.Buckets.CreateAsync("shapes");
        using var gateway = S3TestServer.Current.CreateGateway();
        var sent = new LifecycleConfiguration { Rules = RuleShapes.All.Select(s => s.Rule).Reverse().ToValueList() };

        await gateway.PutLifecycleAsync(bucket, sent);
        var stored = await gateway.GetLifecycleAsync(bucket);

        stored!.Fingerprint.Should().Be(sent.Fingerprint);
    }

    [Test]
    public async Task PutThenGet_SizeFilterAndNewerNoncurrentVersions_AreDroppedByThisServer()
    {
        var bucket = await S3TestServer.Current.Buckets.CreateAsync("dropped");
        using var gateway = S3TestServer.Current.CreateGateway();
        var rule = new LifecycleRule
        {
            Id = "large",
            Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "big/", ObjectSizeGreaterThan = 1024 } },
            Expiration = new LifecycleExpiration { Days = 30 },
            NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 5, NewerNoncurrentVersions = 2 },
        };

        await gateway.PutLifecycleAsync(bucket, LifecycleConfiguration.Of(rule));
        var stored = (await gateway.GetLifecycleAsync(bucket))!.Rules.Single();

        stored.Fingerprint.Should().NotBe(rule.Fingerprint);
        stored.Filter!.Prefix.Should().Be("big/");
        stored.NoncurrentVersionExpiration!.NewerNoncurrentVersions.Should().BeNull();
    }
}
