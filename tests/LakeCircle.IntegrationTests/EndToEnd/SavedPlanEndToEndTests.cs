using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests.EndToEnd;

/// <summary>
/// A saved plan on the real server: <c>dryrun --out</c>, a definition changed after it, <c>sync --plan</c> applying the
/// reviewed plan only, and the same plan refused once the bucket is no longer as it found it.
/// </summary>
[NonParallelizable]
public sealed class SavedPlanEndToEndTests
{
    private static S3TestServer Server => S3TestServer.Current;

    private static LifecycleConfiguration Rule(int days) => LifecycleConfiguration.Of(
        new LifecycleRule { Id = "tmp", Filter = new LifecycleFilter { Prefix = "tmp/" }, Expiration = new LifecycleExpiration { Days = days } });

    [Test]
    public async Task DryRunOut_ThenSyncPlan_AppliesTheReviewedPlanOnly_ThenRefusesItOnceStale()
    {
        using var gateway = Server.CreateGateway();
        using var endpoint = new CliEndpoint(await Server.Buckets.CreateAsync("e2e-plan-config"), "saved/");
        var bucket = await Server.Buckets.CreateAsync("e2e-planned");
        await gateway.PutLifecycleAsync(bucket, Rule(3));
        await endpoint.PutDefinitionAsync(bucket, TomlText.Bucket(bucket, Rule(30)));
        var planFile = Path.Combine(Path.GetTempPath(), $"lakecircle-plan-{Guid.NewGuid():N}.json");
        try
        {
            var dryRun = await endpoint.RunAsync("dryrun", "--bucket", bucket, "--out", planFile);
            dryRun.ExitCode.Should().Be(0, dryRun.ToString());

            // Merged after the review: not in the plan, so not applied.
            await endpoint.PutDefinitionAsync(bucket, TomlText.Bucket(bucket, Rule(300)));
            var sync = await endpoint.RunAsync("sync", "--plan", planFile);

            sync.ExitCode.Should().Be(0, sync.ToString());
            ConfigurationComparison.SameMeaning(Rule(30), await gateway.GetLifecycleAsync(bucket)).Should().BeTrue(sync.ToString());

            var replay = await endpoint.RunAsync("sync", "--plan", planFile);

            replay.ExitCode.Should().Be(1, replay.ToString());
            replay.Output.Should().Contain($"{bucket} changed since the plan was made").And.Contain("make a new plan");
            ConfigurationComparison.SameMeaning(Rule(30), await gateway.GetLifecycleAsync(bucket)).Should().BeTrue();
            File.ReadAllText(planFile).Should().NotContain(Server.SecretKey).And.NotContain(Server.AccessKeyId);
            await endpoint.ShouldNotShowSecretsAsync();
        }
        finally
        {
            File.Delete(planFile);
        }
    }
}
