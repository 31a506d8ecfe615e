using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using Microsoft.Extensions.Logging;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Progress;

/// <summary>
/// The progress of a run (<see cref="LakeCircleClientOptions.Progress"/>) and its S3 calls by kind: counts that match
/// what the account was asked, in order, of the run alone, and a handler that throws never breaks the run.
/// </summary>
public sealed class RunProgressTests
{
    private static LakeCircleClient Client(IS3Gateway gateway, IDefinitionSource definitions, IProgress<RunProgress>? progress, ILoggerFactory? loggers = null, IEndpointStore? endpoint = null)
    {
        var options = TestClient.Options(loggers: loggers);
        options.Progress = progress;
        return TestClient.Create(gateway, definitions, endpoint, options);
    }

    [Test]
    public async Task PlanAsync_StandardAccount_ReportsEachStageAndTheBucketCounts()
    {
        // logs, backups and bare are read; archive is defined but missing (not read); scratch has no definition.
        var (gateway, definitions) = Standard();
        var reports = new Reports();

        var outcome = await Client(gateway, definitions, reports).PlanAsync();

        outcome.Succeeded.Should().BeTrue();
        reports.Stages.Should().Equal(RunStage.ReadingDefinitions, RunStage.ListingBuckets, RunStage.ReadingBuckets, RunStage.Planned, RunStage.Finished);
        reports.All.Count(r => r.Stage == RunStage.ReadingBuckets).Should().Be(1 + 3, "one report when the reads start, one per bucket read");
        var last = reports.Last;
        (last.BucketsToRead, last.BucketsRead, last.BucketsPlanned, last.BucketsToWrite, last.BucketsWritten, last.BucketsFailed)
            .Should().Be((3, 3, 4, 2, 0, 0));
        last.CallsInFlight.Should().Be(0);
        reports.All.Select(r => r.BucketsRead).Should().BeInAscendingOrder();
        reports.All.Select(r => r.Elapsed).Should().BeInAscendingOrder();
    }

    [Test]
    public async Task PlanAsync_CallsByKind_OneListAndOneGetPerManagedBucketThatExists()
    {
        var (gateway, definitions) = Standard();
        var reports = new Reports();

        await Client(gateway, definitions, reports).PlanAsync();

        var calls = reports.Last.Calls;
        calls.ListBuckets.Should().Be(1);
        calls.GetBucketLifecycleConfiguration.Should().Be(3).And.Be(gateway.CallCount(S3Operations.GetBucketLifecycleConfiguration));
        calls.PutBucketLifecycleConfiguration.Should().Be(0);
        calls.Total.Should().Be(4, "a plan writes nothing, not even to the endpoint");
        calls.ToString().Should().Be("ListBuckets 1, GetBucketLifecycleConfiguration 3");
        reports.Last.MaxCallsInFlight.Should().BeInRange(1, LakeCircleClientOptions.DefaultReadConcurrency);
    }

    [Test]
    public async Task SyncAsync_StandardAccount_ReportsTheWritesAndCountsEveryCallByKind()
    {
        var (gateway, definitions) = Standard();
        var endpoint = new InMemoryEndpointStore();
        var reports = new Reports();

        var sync = await Client(gateway, definitions, reports, endpoint: endpoint).SyncAsync();

        sync.Succeeded.Should().BeTrue();
        reports.Stages.Should().Equal(
            RunStage.ReadingDefinitions, RunStage.ListingBuckets, RunStage.ReadingBuckets, RunStage.Planned, RunStage.Writing, RunStage.Finished);
        var last = reports.Last;
        (last.BucketsToRead, last.BucketsRead, last.BucketsPlanned, last.BucketsToWrite, last.BucketsWritten, last.BucketsFailed)
            .Should().Be((3, 3, 4, 2, 2, 0));
        reports.All.Select(r => r.BucketsWritten).Should().BeInAscendingOrder();

        // Each changed bucket: one PUT, a GET just before it (the re-check) and a GET after it (the verification).
        var calls = last.Calls;
        calls.ListBuckets.Should().Be(gateway.CallCount(S3Operations.ListBuckets)).And.Be(1);
        calls.PutBucketLifecycleConfiguration.Should().Be(gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration)).And.Be(2);
        calls.GetBucketLifecycleConfiguration.Should().Be(gateway.CallCount(S3Operations.GetBucketLifecycleConfiguration)).And.Be(3 + 2 + 2);
        calls.DeleteBucketLifecycle.Should().Be(0);

        // The endpoint's: the lock taken and released, the archive and the run record written.
        calls.PutObject.Should().BeGreaterThanOrEqualTo(1 + 2 + 1, "the lock, the history of each bucket written and the run record");
        calls.DeleteObject.Should().BeGreaterThanOrEqualTo(1, "the lock is released");
        endpoint.Keys.Should().Contain(k => k.StartsWith("log/", StringComparison.Ordinal));
    }

    [Test]
    public async Task SyncAsync_AFailedRead_IsCountedAsFailed()
    {
        var (inner, definitions) = Standard();
        var gateway = new InstrumentedGateway(inner) { Hold = TimeSpan.Zero };
        gateway.FailingReads.Add("backups");
        var reports = new Reports();

        await Client(gateway, definitions, reports).PlanAsync();

        (reports.Last.BucketsRead, reports.Last.BucketsFailed).Should().Be((3, 1));
        reports.Last.Calls.GetBucketLifecycleConfiguration.Should().Be(3, "a failed call is a call made");
    }

    [Test]
    public async Task SyncAsync_ProgressHandlerThrows_TheRunGoesOnAndTheFailureIsLoggedOnce()
    {
        var (gateway, definitions) = Standard();
        var (expectedGateway, expectedDefinitions) = Standard();
        var loggers = new RecordingLoggers();
        var handler = new Throwing();

        var sync = await Client(gateway, definitions, handler, loggers).SyncAsync();
        var expected = await Client(expectedGateway, expectedDefinitions, null).SyncAsync();

        sync.Status.Should().Be(RunStatus.Succeeded);
        sync.Buckets.Select(b => (b.Bucket, b.Result)).Should().Equal(expected.Buckets.Select(b => (b.Bucket, b.Result)));
        sync.RecordKey.Should().NotBeNull("the run record is still written");
        handler.Calls.Should().Be(1, "a handler that failed is not called again in that run");
        loggers.Logger.Events.Where(e => e.Message.StartsWith("The progress handler failed", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Level.Should().Be(LogLevel.Warning);
        loggers.Logger.Events.Single(e => e.Message.StartsWith("The progress handler failed", StringComparison.Ordinal)).Message
            .Should().Contain("InvalidOperationException").And.Contain("the handler broke");
    }

    [Test]
    public async Task PlanAsync_TheEndOfTheRun_LogsTheCallsByKindAtInfo()
    {
        var (gateway, definitions) = Standard();
        var loggers = new RecordingLoggers();

        await Client(gateway, definitions, null, loggers).PlanAsync();

        var calls = loggers.Logger.Events.Where(e => e.Message.StartsWith("S3 calls:", StringComparison.Ordinal)).ToList();
        calls.Should().ContainSingle().Which.Level.Should().Be(LogLevel.Information);
        calls[0].Message.Should().StartWith("S3 calls: ListBuckets 1, GetBucketLifecycleConfiguration 3 (at most ");
        loggers.Logger.Events[^1].Message.Should().StartWith("S3 calls:", "it is the run's last event");
    }

    [Test]
    public async Task RollbackAsync_PlanAndApply_AreOneRunWithOneEndAndAllTheCalls()
    {
        var (gateway, definitions) = Standard();
        var endpoint = new InMemoryEndpointStore();
        var reports = new Reports();
        var loggers = new RecordingLoggers();
        await using var client = Client(gateway, definitions, reports, loggers, endpoint);
        await client.SyncAsync();
        reports.Clear();
        gateway.ResetCallCounts();
        var before = loggers.Logger.Events.Count;

        var outcome = await client.RollbackAsync("logs");

        outcome.Succeeded.Should().BeTrue();
        reports.All.Count(r => r.Stage == RunStage.Finished).Should().Be(1);
        reports.Last.Stage.Should().Be(RunStage.Finished);
        (reports.Last.BucketsPlanned, reports.Last.BucketsToWrite, reports.Last.BucketsWritten).Should().Be((1, 1, 1));
        reports.Last.Calls.PutBucketLifecycleConfiguration.Should().Be(1);
        reports.Last.Calls.GetBucketLifecycleConfiguration.Should().Be(gateway.CallCount(S3Operations.GetBucketLifecycleConfiguration));
        loggers.Logger.Events.Skip(before).Count(e => e.Message.StartsWith("S3 calls:", StringComparison.Ordinal)).Should().Be(1);
    }

    [Test]
    public async Task PlanAsync_TwoRunsAtOnceOnOneClient_CountOnlyTheirOwnCalls()
    {
        var (inner, definitions) = Standard();
        var gateway = new InstrumentedGateway(inner) { Hold = TimeSpan.FromMilliseconds(5) };
        var reports = new Reports();
        await using var client = Client(gateway, definitions, reports);

        await Task.WhenAll(client.PlanAsync(), client.PlanAsync());

        var ends = reports.All.Where(r => r.Stage == RunStage.Finished).ToList();
        ends.Should().HaveCount(2);
        ends.Should().AllSatisfy(r => r.Calls.Should().Be(new S3CallCounts { ListBuckets = 1, GetBucketLifecycleConfiguration = 3 }));
        inner.CallCount(S3Operations.GetBucketLifecycleConfiguration).Should().Be(6);
    }

    [Test]
    public async Task SyncAsync_Cancelled_EndsWithTheFinishedReport()
    {
        var (inner, definitions) = Standard();
        using var cancel = new CancellationTokenSource();
        var gateway = new CancellingGateway(inner, cancel);
        var reports = new Reports();

        var run = () => Client(gateway, definitions, reports).SyncAsync(cancellationToken: cancel.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
        reports.Last.Stage.Should().Be(RunStage.Finished, "a terminal's progress line is erased on Ctrl+C too");
        reports.Last.CallsInFlight.Should().Be(0);
        reports.All.Count(r => r.Stage == RunStage.Finished).Should().Be(1);
    }

    [Test]
    public async Task ExportAsync_OutsideARun_CountsNothingAndReportsNothing()
    {
        var (gateway, definitions) = Standard();
        var reports = new Reports();
        using var folder = new TempFolder();

        await Client(gateway, definitions, reports).ExportAsync(folder.Path);

        reports.All.Should().BeEmpty();
    }

    [Test]
    public void S3CallCounts_Text_NamesTheKindsCalledInAFixedOrder()
    {
        new S3CallCounts().ToString().Should().Be("none");
        new S3CallCounts { PutObject = 2, ListBuckets = 1, GetBucketLifecycleConfiguration = 3000 }.ToString()
            .Should().Be("ListBuckets 1, GetBucketLifecycleConfiguration 3000, PutObject 2");
        new S3CallCounts { DeleteObject = 1, DeleteBucketLifecycle = 4 }.ByKind().Select(p => p.Key)
            .Should().Equal("DeleteBucketLifecycle", "DeleteObject");
    }

    [Test]
    public void ClientSources_CountTheAccountAndAnS3ShapedEndpoint_AndKeepWhatWasGiven()
    {
        var gateway = new InMemoryS3Gateway();
        var endpoint = new InMemoryEndpointStore();
        using var folder = new TempFolder();

        var sources = new ClientSources(gateway, Source(Toml("logs")), endpoint);
        var local = new ClientSources(gateway, Source(Toml("logs")), new LocalEndpointStore(folder.Path));

        sources.Account.Should().BeOfType<CountingS3Gateway>();
        sources.UndecoratedAccount.Should().BeSameAs(gateway);
        sources.Endpoint.Should().BeOfType<CountingEndpointStore>();
        sources.UndecoratedEndpoint.Should().BeSameAs(endpoint);
        sources.WithDefinitions(Source(Toml("logs"))).Account.Should().BeSameAs(sources.Account, "the copy is not counted twice");
        local.Endpoint.Should().BeOfType<LocalEndpointStore>("a local folder's file operations are no S3 calls");
    }

    /// <summary>Records every report, in order (reports come one at a time).</summary>
    private sealed class Reports : IProgress<RunProgress>
    {
        private readonly List<RunProgress> _all = [];

        public IReadOnlyList<RunProgress> All
        {
            get
            {
                lock (_all)
                {
                    return [.. _all];
                }
            }
        }

        public RunProgress Last => All[^1];

        /// <summary>The stages in the order they came, each once.</summary>
        public IReadOnlyList<RunStage> Stages => All.Select(r => r.Stage).Aggregate(new List<RunStage>(), (list, stage) =>
        {
            if (list.Count == 0 || list[^1] != stage)
            {
                list.Add(stage);
            }

            return list;
        });

        public void Report(RunProgress value)
        {
            lock (_all)
            {
                _all.Add(value);
            }
        }

        public void Clear()
        {
            lock (_all)
            {
                _all.Clear();
            }
        }
    }

    /// <summary>Cancels the run at its first lifecycle read (as Ctrl+C would), then answers as the account does.</summary>
    private sealed class CancellingGateway(IS3Gateway inner, CancellationTokenSource cancel) : IS3Gateway
    {
        public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) => inner.ListBucketsAsync(cancellationToken);

        public async Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default)
        {
            await cancel.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            return await inner.GetLifecycleAsync(bucket, cancellationToken);
        }

        public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) =>
            inner.PutLifecycleAsync(bucket, configuration, cancellationToken);

        public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) => inner.DeleteLifecycleAsync(bucket, cancellationToken);
    }

    private sealed class Throwing : IProgress<RunProgress>
    {
        public int Calls { get; private set; }

        public void Report(RunProgress value)
        {
            Calls++;
            throw new InvalidOperationException("the handler broke");
        }
    }
}
