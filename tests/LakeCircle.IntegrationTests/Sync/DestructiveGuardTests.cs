using Amazon.Runtime;
using LakeCircle.Core;
using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests.Sync;

/// <summary>
/// The impact of a plan read from the local S3 server, and the destructive guards stopping a sync before its first
/// write there: the bucket's configuration on the server is left as it was.
/// </summary>
public sealed class DestructiveGuardTests
{
    private static S3TestServer Server => S3TestServer.Current;

    private static LakeCircleClient Client(string endpoint, Action<LakeCircleClientOptions>? configure = null)
    {
        var options = new LakeCircleClientOptions
        {
            Account = "123456789012",
            Region = S3TestServer.Region,
            Endpoint = endpoint,
            ServiceUrl = new Uri(Server.Endpoint),
            Credentials = new BasicAWSCredentials(Server.AccessKeyId, Server.SecretKey),
            WriteConcurrency = 1,
            VerifyTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return new LakeCircleClient(options);
    }

    private static string Definition(string bucket, int days, bool protect) =>
        $"BucketName = \"{bucket}\"\n" + (protect ? "[LakeCircle]\nProtected = true\n" : "")
        + $"[LifecycleConfiguration]\n[[LifecycleConfiguration.Rules]]\nID = \"logs\"\nStatus = \"Enabled\"\nFilter = {{ Prefix = \"logs/\" }}\nExpiration = {{ Days = {days} }}\n";

    [Test]
    public async Task ShortenedExpirationOnTheServer_IsDestructive_AndTheGuardsKeepTheOldConfiguration()
    {
        var buckets = await Server.Buckets.CreateManyAsync("guard", 2);
        var (guarded, free) = (buckets[0], buckets[1]);
        using var gateway = Server.CreateGateway();
        var thirty = LifecycleConfiguration.Of(new LifecycleRule
        {
            Id = "logs", Filter = new LifecycleFilter { Prefix = "logs/" }, Expiration = new LifecycleExpiration { Days = 30 },
        });
        await gateway.PutLifecycleAsync(guarded, thirty);
        await gateway.PutLifecycleAsync(free, thirty);
        var folder = Directory.CreateTempSubdirectory("lakecircle-it-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "definition"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "definition", guarded + ".toml"), Definition(guarded, 3, protect: true));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "definition", free + ".toml"), Definition(free, 3, protect: false));

            await using var client = Client(folder.FullName);
            var plan = await client.PlanAsync(buckets);
            var impact = plan.Plan!.Buckets.Single(b => b.Bucket == guarded).Impact;
            impact.Kind.Should().Be(ImpactKind.Destructive);
            impact.Findings.Single().Text.Should().Be("objects under `logs/` are deleted after 3 days instead of 30 days");
            plan.Plan.Buckets.Single(b => b.Bucket == guarded).Protected.Should().BeTrue();

            var refused = await client.SyncAsync(buckets);
            refused.Succeeded.Should().BeFalse();
            refused.Error.Should().Contain($"protected bucket {guarded}");

            await using var limited = Client(folder.FullName, o => { o.AllowDestructive.Add(guarded); o.MaxDestructive = 1; });
            var limitedRun = await limited.SyncAsync(buckets);
            limitedRun.Succeeded.Should().BeFalse();
            limitedRun.Error.Should().Contain("more than the 1 allowed (maxDestructive)");

            (await gateway.GetLifecycleAsync(guarded)).Should().Be(thirty, "nothing was written");
            (await gateway.GetLifecycleAsync(free)).Should().Be(thirty, "the whole run stopped before its first write");

            await using var allowed = Client(folder.FullName, o => o.AllowDestructive.Add(guarded));
            var applied = await allowed.SyncAsync(buckets);
            applied.Succeeded.Should().BeTrue(applied.Error);
            (await gateway.GetLifecycleAsync(guarded))!.Rules.Single().Expiration!.Days.Should().Be(3);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
