using LakeCircle.Core.Gateways;
using LakeCircle.Core.Gateways.Retries;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Faults;

/// <summary>
/// SYNC through the client over an account of 50 drifted buckets under injected faults (throttling, 500s, timeouts, dropped connections,
/// from fixed seeds) and runs killed at chosen points: it converges in a bounded number of runs, and no bucket's
/// original configuration is lost — <c>previous/</c> and the oldest history version hold what each changed bucket had
/// before the first run. Each test prints its figures.
/// </summary>
[TestFixture]
internal sealed class FaultInjectionTests
{
    private const int MaxRuns = 6;

    [TestCase(0.20, 7, 3)]
    [TestCase(0.25, 1234, 3)]
    [TestCase(0.30, 99, 3)]
    [TestCase(0.30, 42, 2)]
    public async Task Sync_UnderInjectedFaultsWithRetries_ConvergesAndLosesNothing(double failureRate, int seed, int maxAttempts)
    {
        using var world = new FaultWorld();
        var planned = await world.PlannedChangesAsync();
        var faults = new FaultInjectingS3Gateway(world.Store, seed) { DefaultFailureRate = failureRate };
        var jitter = new Random(seed);
        var retrying = new RetryingS3Gateway(
            faults, new S3RetryOptions { MaxAttempts = maxAttempts }, null, () => { lock (jitter) { return jitter.NextDouble(); } }, (_, _) => Task.CompletedTask);

        var runs = 0;
        do
        {
            runs++;
            await using var client = world.Client(retrying);
            await client.SyncAsync();
        }
        while (!await world.ConvergedAsync() && runs < MaxRuns);

        var result = await Recoverability.CheckAsync(world, planned);
        Report($"faults {failureRate:P0} seed {seed}, {maxAttempts} attempts", faults, retrying.Retries, runs, result);
        planned.Should().NotBeEmpty();
        faults.Failures.Should().BeGreaterThan(0);
        retrying.Retries.Should().BeGreaterThan(0);
        result.PlansNoChange.Should().BeTrue($"a DRYRUN plans zero changes after at most {MaxRuns} runs");
        result.Converged.Should().Be(FaultWorld.BucketCount);
        result.Lost.Should().Be(0);
        result.RollbackNotOriginal.Should().BeEmpty("a rollback puts back what every changed bucket had before the first run");
        result.UnmanagedTouched.Should().BeEmpty();
    }

    [Test]
    public async Task Sync_WithoutRetriesUnderFaults_StillConvergesOverMoreRuns()
    {
        using var world = new FaultWorld();
        var planned = await world.PlannedChangesAsync();
        var faults = new FaultInjectingS3Gateway(world.Store, 5) { DefaultFailureRate = 0.2 };

        var runs = 0;
        do
        {
            runs++;
            await using var client = world.Client(faults);
            await client.SyncAsync();
        }
        while (!await world.ConvergedAsync() && runs < 20);

        var result = await Recoverability.CheckAsync(world, planned);
        Report("faults 20% seed 5, no retries", faults, 0, runs, result);
        runs.Should().BeGreaterThan(1, "one run cannot get through 20% failures without retries");
        result.PlansNoChange.Should().BeTrue();
        result.Lost.Should().Be(0);
        result.RollbackNotOriginal.Should().BeEmpty();
    }

    public static IEnumerable<TestCaseData> KillPoints()
    {
        const string get = S3Operations.GetBucketLifecycleConfiguration;
        const string put = S3Operations.PutBucketLifecycleConfiguration;
        const string delete = S3Operations.DeleteBucketLifecycle;
        yield return Kill("while listing the buckets", p => p.Operation == S3Operations.ListBuckets);
        yield return Kill("while reading the 5th bucket", p => p.Operation == get && p.Number == 5 && !p.After);
        yield return Kill("between the archive write and the 1st PUT", p => p.Operation == put && p.Number == 1 && !p.After);
        yield return Kill("between the archive write and the 12th PUT", p => p.Operation == put && p.Number == 12 && !p.After);
        yield return Kill("between the 1st PUT and the next bucket", p => p.Operation == put && p.Number == 1 && p.After);
        yield return Kill("between the 12th PUT and the next bucket", p => p.Operation == put && p.Number == 12 && p.After);
        yield return Kill("between the archive write and the 1st DELETE", p => p.Operation == delete && p.Number == 1 && !p.After);
        yield return Kill("between the 2nd DELETE and the next bucket", p => p.Operation == delete && p.Number == 2 && p.After);
    }

    [TestCaseSource(nameof(KillPoints))]
    public async Task Sync_KilledAtAPoint_ThenRerun_ConvergesAndRollbackReachesTheOriginals(string point, Func<KillPoint, bool> when)
    {
        using var world = new FaultWorld();
        var planned = await world.PlannedChangesAsync();
        using var run = new CancellationTokenSource();
        var killer = new FaultInjectingS3Gateway(world.Store, 1) { Run = run, KillWhen = when };

        await using var killedClient = world.Client(killer, writeConcurrency: 1);
        var killed = async () => await killedClient.SyncAsync(cancellationToken: run.Token);

        await killed.Should().ThrowAsync<OperationCanceledException>();
        killer.KilledAt.Should().NotBeNull(point);
        await using var rerunClient = world.Client(world.Store);
        var rerun = await rerunClient.SyncAsync();
        var result = await Recoverability.CheckAsync(world, planned);
        Report("killed " + point, killer, 0, 2, result);
        rerun.Succeeded.Should().BeTrue();
        result.PlansNoChange.Should().BeTrue();
        result.Converged.Should().Be(FaultWorld.BucketCount);
        result.Lost.Should().Be(0);
        result.RollbackNotOriginal.Should().BeEmpty();
        result.UnmanagedTouched.Should().BeEmpty();
    }

    [Test]
    public async Task Sync_KilledTwiceUnderFaults_ThenRerun_RollbackStillReachesTheOriginals()
    {
        using var world = new FaultWorld();
        var planned = await world.PlannedChangesAsync();
        var totalCalls = 0;
        var totalFailures = 0;
        foreach (var (number, seed) in new[] { (9, 3), (4, 4) })
        {
            using var run = new CancellationTokenSource();
            var killer = new FaultInjectingS3Gateway(world.Store, seed)
            {
                DefaultFailureRate = 0.2,
                Run = run,
                KillWhen = p => p.Operation == S3Operations.PutBucketLifecycleConfiguration && p.Number == number && !p.After,
            };
            var retrying = new RetryingS3Gateway(killer, new S3RetryOptions { MaxAttempts = 5 }, null, () => 0.5, (_, _) => Task.CompletedTask);
            await using var killedClient = world.Client(retrying);
            var killed = async () => await killedClient.SyncAsync(cancellationToken: run.Token);
            await killed.Should().ThrowAsync<OperationCanceledException>();
            totalCalls += killer.Calls;
            totalFailures += killer.Failures;
        }

        await using var rerunClient = world.Client(world.Store);
        var rerun = await rerunClient.SyncAsync();
        var result = await Recoverability.CheckAsync(world, planned);
        TestContext.Out.WriteLine($"[faults] killed twice under 20% faults: calls made {totalCalls}, calls failed {totalFailures}, runs needed 3, "
            + $"buckets converged {result.Converged}/{FaultWorld.BucketCount}, configurations lost {result.Lost}");
        rerun.Succeeded.Should().BeTrue();
        result.PlansNoChange.Should().BeTrue();
        result.Lost.Should().Be(0);
        result.RollbackNotOriginal.Should().BeEmpty();
    }

    private static TestCaseData Kill(string name, Func<KillPoint, bool> when) => new TestCaseData(name, when).SetArgDisplayNames(name);

    private static void Report(string scenario, FaultInjectingS3Gateway faults, long retries, int runs, Recoverability result) =>
        TestContext.Out.WriteLine(
            $"[faults] {scenario}: calls made {faults.Calls}, calls failed {faults.Failures}, retries {retries}, runs needed {runs}, "
            + $"buckets converged {result.Converged}/{FaultWorld.BucketCount}, configurations lost {result.Lost}");
}
