using System.Text;
using System.Text.Json;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests.EndToEnd;

/// <summary>
/// The command line against the real server with an <c>s3://</c> endpoint: definitions uploaded under
/// <c>definition/</c>, 20 managed buckets with drift and 2 unmanaged ones; dryrun, sync, dryrun again, then the
/// endpoint's archive, history and rollback. The account is set up and synced once; the tests read what it left (the secret scan runs last).
/// </summary>
[NonParallelizable]
public sealed class SyncEndToEndTests
{
    private readonly Dictionary<string, string?> _preSync = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _postSync = new(StringComparer.Ordinal);
    private AwsS3Gateway _gateway = null!;
    private CliEndpoint _endpoint = null!;
    private IReadOnlyList<DriftCase> _cases = [];
    private IReadOnlyList<string> _unmanaged = [];
    private CliResult _dryrun = null!;
    private CliResult _sync = null!;
    private CliResult _dryrunAfter = null!;
    private IReadOnlyDictionary<string, string> _afterSync = null!;

    private static S3TestServer Server => S3TestServer.Current;

    private IEnumerable<DriftCase> Changed => _cases.Where(c => c.Kind != "in-sync");

    [OneTimeSetUp]
    public async Task SetUpAccountAndSyncAsync()
    {
        _gateway = Server.CreateGateway();
        _endpoint = new CliEndpoint(await Server.Buckets.CreateAsync("e2e-config"), "lakecircle/");
        _cases = DriftCase.For(await Server.Buckets.CreateManyAsync("e2e", 20));
        _unmanaged = await Server.Buckets.CreateManyAsync("e2e-free", 2);
        foreach (var c in _cases)
        {
            await _endpoint.PutDefinitionAsync(c.Bucket, TomlText.Bucket(c.Bucket, c.Desired));
            if (c.Before is not null)
            {
                await _gateway.PutLifecycleAsync(c.Bucket, c.Before);
            }
        }

        for (var i = 0; i < _unmanaged.Count; i++)
        {
            await _gateway.PutLifecycleAsync(_unmanaged[i], RuleShapes.Mix(i + 30));
        }

        foreach (var bucket in _cases.Select(c => c.Bucket).Concat(_unmanaged))
        {
            _preSync[bucket] = (await _gateway.GetLifecycleAsync(bucket))?.Fingerprint;
        }

        _dryrun = await _endpoint.RunAsync("dryrun", "-o", "json");
        _sync = await _endpoint.RunAsync("sync", "--log-level", "DEBUG");
        _dryrunAfter = await _endpoint.RunAsync("dryrun", "--detailed-exitcode", "--log-format", "JSON", "--log-level", "TRACE");
        _afterSync = await _endpoint.ReadAllAsync();
        foreach (var bucket in _cases.Select(c => c.Bucket).Concat(_unmanaged))
        {
            _postSync[bucket] = (await _gateway.GetLifecycleAsync(bucket))?.Fingerprint;
        }
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _gateway?.Dispose();
        _endpoint?.Dispose();
    }

    [Test]
    public void DryRun_DriftedAccount_ShowsEachBucketsStatusAndAction()
    {
        _dryrun.ExitCode.Should().Be(0, _dryrun.ToString());
        using var document = JsonDocument.Parse(_dryrun.Output);
        var buckets = document.RootElement.GetProperty("buckets").EnumerateArray()
            .ToDictionary(b => b.GetProperty("name").GetString()!, b => (Status: b.GetProperty("status").GetString(), Action: b.GetProperty("action").GetString()));

        foreach (var c in _cases)
        {
            buckets[c.Bucket].Should().Be((c.ExpectedStatus, c.ExpectedAction), "{0} is {1}", c.Bucket, c.Kind);
        }

        _unmanaged.Select(b => buckets[b]).Should().AllBeEquivalentTo((Status: "unmanaged", Action: "none"));
        var summary = document.RootElement.GetProperty("summary");
        summary.GetProperty("bucketsChanged").GetInt32().Should().Be(16);
        summary.GetProperty("bucketsInSync").GetInt32().Should().Be(4);
    }

    [Test]
    public void Sync_DriftedAccount_AppliesEveryChangeAndDryRunThenPlansNone()
    {
        _sync.ExitCode.Should().Be(0, _sync.ToString());
        foreach (var c in _cases)
        {
            _postSync[c.Bucket].Should().Be(c.After?.Fingerprint, "{0} was {1}", c.Bucket, c.Kind);
        }

        _dryrunAfter.ExitCode.Should().Be(0, _dryrunAfter.ToString());
    }

    [Test]
    public void Sync_UnmanagedBuckets_KeepTheirConfigurations()
    {
        foreach (var bucket in _unmanaged)
        {
            _postSync[bucket].Should().NotBeNull().And.Be(_preSync[bucket]);
        }

        _afterSync.Keys.Should().NotContain(k => _unmanaged.Any(u => k.Contains(u, StringComparison.Ordinal)));
    }

    [Test]
    public void Sync_Endpoint_HoldsPreviousHistoryCurrentAndOneRunRecordAndNoLock()
    {
        _afterSync.Keys.Should().NotContain(RunLock.Key);
        foreach (var c in Changed)
        {
            var previous = Archived($"previous/{c.Bucket}.json");
            previous.Reason.Should().Be(ArchiveReasons.BeforeSync);
            previous.Configuration?.Fingerprint.Should().Be(_preSync[c.Bucket], "previous/ of {0} ({1}) holds its configuration before the sync", c.Bucket, c.Kind);
            var history = _afterSync.Keys.Where(k => k.StartsWith($"history/{c.Bucket}/", StringComparison.Ordinal)).ToList();
            history.Should().ContainSingle().Which.Should().Be($"history/{c.Bucket}/{ArchiveTime.ToText(previous.CapturedAt)}.json");
            _afterSync[history[0]].Should().Be(_afterSync[$"previous/{c.Bucket}.json"]);
            var current = Archived($"current/{c.Bucket}.json");
            current.Reason.Should().Be(ArchiveReasons.AfterSync);
            current.Configuration?.Fingerprint.Should().Be(c.After?.Fingerprint);
        }

        foreach (var c in _cases.Where(c => c.Kind == "in-sync"))
        {
            _afterSync.Keys.Should().NotContain(k => k.Contains(c.Bucket, StringComparison.Ordinal) && !k.StartsWith("definition/", StringComparison.Ordinal));
        }

        var logs = _afterSync.Keys.Where(k => k.StartsWith(RunLog.Folder, StringComparison.Ordinal)).ToList();
        logs.Should().ContainSingle("DRYRUN writes nothing at the endpoint");
        var record = RecoveryJson.Deserialize<RunRecord>(Encoding.UTF8.GetBytes(_afterSync[logs[0]]), logs[0]);
        record.Action.Should().Be(WritingRun.Sync);
        record.Succeeded.Should().BeTrue();
        record.Account.Should().Be(CliEndpoint.Account);
        record.Buckets.Where(b => b.Result == RunBucketResult.Applied).Select(b => b.Bucket).Should().BeEquivalentTo(Changed.Select(c => c.Bucket));
        record.Buckets.Where(b => b.Result == RunBucketResult.Applied).Should().OnlyContain(b => b.HistoryKey != null);
    }

    [Test]
    public async Task HistoryAndRollback_SyncedBucket_RestoresThePreSyncConfigurationAndRecordsIt()
    {
        var bucket = _cases.First(c => c.Kind == "edited");
        var history = await _endpoint.RunAsync("history", "--bucket", bucket.Bucket, "-o", "json");
        history.ExitCode.Should().Be(0, history.ToString());
        var versions = Versions(history);
        versions.Should().ContainSingle().Which.Reason.Should().Be(ArchiveReasons.BeforeSync);
        _preSync[bucket.Bucket].Should().StartWith(versions[0].Fingerprint);

        var before = await _endpoint.ReadAllAsync();
        var plan = await _endpoint.RunAsync("rollback", "--bucket", bucket.Bucket, "--dry-run");
        plan.ExitCode.Should().Be(0, plan.ToString());
        plan.Output.Should().Contain(bucket.Bucket);
        plan.Error.Should().Contain(versions[0].Time);
        (await _endpoint.ReadAllAsync()).Should().Equal(before, "a dry run writes nothing at the endpoint");
        (await _gateway.GetLifecycleAsync(bucket.Bucket))!.Fingerprint.Should().Be(bucket.Desired.Fingerprint, "a dry run writes nothing to the bucket");

        var rollback = await _endpoint.RunAsync("rollback", "--bucket", bucket.Bucket);
        rollback.ExitCode.Should().Be(0, rollback.ToString());
        (await _gateway.GetLifecycleAsync(bucket.Bucket))!.Fingerprint.Should().Be(_preSync[bucket.Bucket]);

        var after = Versions(await _endpoint.RunAsync("history", "--bucket", bucket.Bucket, "-o", "json"));
        after.Should().HaveCount(2);
        after[0].Reason.Should().Be(ArchiveReasons.BeforeRollback);
        bucket.Desired.Fingerprint.Should().StartWith(after[0].Fingerprint, "the rollback saved the synced configuration it replaced");
        var text = await _endpoint.RunAsync("history", "--bucket", bucket.Bucket);
        text.Output.Should().Contain(after[0].Time).And.Contain(after[1].Time);
        var store = await _endpoint.ReadAllAsync();
        store.Keys.Should().NotContain(RunLock.Key);
        var current = ArchiveFile.Deserialize(Encoding.UTF8.GetBytes(store[$"current/{bucket.Bucket}.json"]), "current");
        current.Reason.Should().Be(ArchiveReasons.AfterRollback);
        current.Configuration!.Fingerprint.Should().Be(_preSync[bucket.Bucket]);
        var records = store.Where(o => o.Key.StartsWith(RunLog.Folder, StringComparison.Ordinal))
            .Select(o => RecoveryJson.Deserialize<RunRecord>(Encoding.UTF8.GetBytes(o.Value), o.Key)).ToList();
        records.Should().ContainSingle(r => r.Action == WritingRun.Rollback && r.Buckets.Any(b => b.Bucket == bucket.Bucket),
            "the rollback left its own run record").Which.Buckets.Single().Result.Should().Be(RunBucketResult.Applied);
    }

    [Test]
    [DependsOnTest(nameof(HistoryAndRollback_SyncedBucket_RestoresThePreSyncConfigurationAndRecordsIt), AllowFailure = true)]
    public async Task Rollback_ToTheStampOfABucketThatHadNoLifecycle_DeletesItsConfiguration()
    {
        var bucket = _cases.First(c => c.Kind == "absent");
        var versions = Versions(await _endpoint.RunAsync("history", "--bucket", bucket.Bucket, "-o", "json"));
        versions.Should().ContainSingle().Which.Fingerprint.Should().Be("none");

        var rollback = await _endpoint.RunAsync("rollback", "--bucket", bucket.Bucket, "--to", versions[0].Time, "-o", "json");

        rollback.ExitCode.Should().Be(0, rollback.ToString());
        using var document = JsonDocument.Parse(rollback.Output);
        document.RootElement.GetProperty("buckets")[0].GetProperty("action").GetString().Should().Be("delete");
        (await _gateway.GetLifecycleAsync(bucket.Bucket)).Should().BeNull();
        var after = Versions(await _endpoint.RunAsync("history", "--bucket", bucket.Bucket, "-o", "json"));
        after.Select(v => v.Reason).Should().Equal(ArchiveReasons.BeforeRollback, ArchiveReasons.BeforeSync);
    }

    [Test]
    [DependsOnTest(nameof(Rollback_ToTheStampOfABucketThatHadNoLifecycle_DeletesItsConfiguration), AllowFailure = true)]
    public Task EveryRun_OutputsAndEndpointObjects_NeverShowTheCredentials() => _endpoint.ShouldNotShowSecretsAsync();

    private ArchivedConfiguration Archived(string key)
    {
        _afterSync.Should().ContainKey(key);
        return ArchiveFile.Deserialize(Encoding.UTF8.GetBytes(_afterSync[key]), key);
    }

    private static List<(string Time, string Reason, string Fingerprint)> Versions(CliResult history)
    {
        using var document = JsonDocument.Parse(history.Output);
        return [.. document.RootElement.GetProperty("versions").EnumerateArray()
            .Select(v => (v.GetProperty("time").GetString()!, v.GetProperty("reason").GetString()!, v.GetProperty("fingerprint").GetString()!))];
    }
}
