using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Gateways;

public class InMemoryS3GatewayTests
{
    private static readonly LifecycleConfiguration OneRule = LifecycleConfiguration.Of(new LifecycleRule { Id = "r", Expiration = new LifecycleExpiration { Days = 1 } });

    [Test]
    public async Task ListBuckets_OtherRegions_ListsOnlyTheGatewayRegionInNameOrder()
    {
        var s3 = new InMemoryS3Gateway("eu-west-1").AddBucket("b").AddBucket("a").AddBucket("far", "us-east-1");

        (await s3.ListBucketsAsync()).Should().Equal("a", "b");
        s3.BucketNames.Should().Equal("a", "b", "far");
    }

    [Test]
    public async Task GetLifecycle_BucketWithout_ReturnsNull()
    {
        var s3 = new InMemoryS3Gateway().AddBucket("b");

        (await s3.GetLifecycleAsync("b")).Should().BeNull();
    }

    [Test]
    public async Task GetLifecycle_UnknownBucket_ThrowsNoSuchBucket()
    {
        var act = () => new InMemoryS3Gateway().GetLifecycleAsync("nope");

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Should().BeEquivalentTo(
            new { Kind = S3ErrorKind.NoSuchBucket, Bucket = "nope", StatusCode = 404, ErrorCode = "NoSuchBucket", Operation = S3Operations.GetBucketLifecycleConfiguration });
    }

    [Test]
    public async Task PutLifecycle_ThenGet_ReturnsTheConfigurationWithTheDefaultMinimumSize()
    {
        var s3 = new InMemoryS3Gateway().AddBucket("b");

        await s3.PutLifecycleAsync("b", OneRule);

        (await s3.GetLifecycleAsync("b")).Should().Be(OneRule with { TransitionDefaultMinimumObjectSize = TransitionDefaultMinimumObjectSizes.AllStorageClasses128K });
    }

    [Test]
    public async Task PutLifecycle_NoDefaultMinimumSize_StoresExactly()
    {
        var s3 = new InMemoryS3Gateway { DefaultTransitionMinimumObjectSize = null }.AddBucket("b");

        await s3.PutLifecycleAsync("b", OneRule);

        (await s3.GetLifecycleAsync("b")).Should().Be(OneRule);
    }

    [Test]
    public async Task PutLifecycle_RuleWithoutId_GetsARandomIdLikeS3()
    {
        var s3 = new InMemoryS3Gateway().AddBucket("b");

        await s3.PutLifecycleAsync("b", LifecycleConfiguration.Of(new LifecycleRule { Expiration = new LifecycleExpiration { Days = 1 } }));

        s3.PeekLifecycle("b")!.Rules[0].Id.Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task PutLifecycle_NoRules_ThrowsInvalidRequest()
    {
        var s3 = new InMemoryS3Gateway().AddBucket("b");

        var act = () => s3.PutLifecycleAsync("b", LifecycleConfiguration.Empty);

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.InvalidRequest);
        s3.PeekLifecycle("b").Should().BeNull();
    }

    [Test]
    public async Task PutLifecycle_DuplicateIds_ThrowsInvalidRequest()
    {
        var s3 = new InMemoryS3Gateway().AddBucket("b");

        var act = () => s3.PutLifecycleAsync("b", LifecycleConfiguration.Of(OneRule.Rules[0], OneRule.Rules[0] with { Prefix = "x" }));

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Message.Should().Contain("'r'");
    }

    [Test]
    public async Task DeleteLifecycle_Existing_RemovesIt()
    {
        var s3 = new InMemoryS3Gateway().SetLifecycle("b", OneRule);

        await s3.DeleteLifecycleAsync("b");

        (await s3.GetLifecycleAsync("b")).Should().BeNull();
    }

    [Test]
    public async Task CallCounts_EveryOperation_CountedSeedingNot()
    {
        var s3 = new InMemoryS3Gateway().SetLifecycle("a", OneRule).AddBucket("b");

        await s3.ListBucketsAsync();
        await s3.GetLifecycleAsync("a");
        await s3.GetLifecycleAsync("b");
        await s3.PutLifecycleAsync("b", OneRule);
        await s3.DeleteLifecycleAsync("b");
        await FluentActions.Awaiting(() => s3.GetLifecycleAsync("missing")).Should().ThrowAsync<S3GatewayException>();

        s3.CallCount(S3Operations.GetBucketLifecycleConfiguration).Should().Be(3);
        s3.CallCounts.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            [S3Operations.ListBuckets] = 1,
            [S3Operations.GetBucketLifecycleConfiguration] = 3,
            [S3Operations.PutBucketLifecycleConfiguration] = 1,
            [S3Operations.DeleteBucketLifecycle] = 1,
        });
        s3.ResetCallCounts();
        s3.CallCounts.Should().BeEmpty();
    }

    [Test]
    public async Task PutLifecycle_ManyConcurrentWriters_CountsEveryCall()
    {
        var s3 = new InMemoryS3Gateway();
        for (var i = 0; i < 20; i++)
        {
            s3.AddBucket($"b{i}");
        }

        await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() => s3.PutLifecycleAsync($"b{i % 20}", OneRule))));

        s3.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(400);
        s3.BucketNames.Should().OnlyContain(b => s3.PeekLifecycle(b) != null);
    }

    [Test]
    public async Task AnyCall_CancelledToken_IsCancelled()
    {
        var s3 = new InMemoryS3Gateway().AddBucket("b");

        await FluentActions.Awaiting(() => s3.GetLifecycleAsync("b", new CancellationToken(canceled: true))).Should().ThrowAsync<OperationCanceledException>();
    }
}
