using System.Text;
using System.Text.Json;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Archive;

public sealed class RunLogTests
{
    private static readonly DateTimeOffset Started = new(2026, 3, 14, 9, 15, 0, 250, TimeSpan.Zero);
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private static RunRecord Record(string runId = "a1b2c3d4e5f6", DateTimeOffset? started = null) => new()
    {
        RunId = runId,
        Action = "SYNC",
        SettingsFingerprint = "0123456789ab",
        Account = "123456789012",
        Region = "eu-west-1",
        Owner = "ana@build-1:42",
        StartedAt = started ?? Started,
        FinishedAt = (started ?? Started).AddSeconds(3),
        Succeeded = false,
        Plan = new PlanSummary { BucketsChanged = 2, RulesAdded = 1, RulesChanged = 1, BucketsInSync = 1 },
        Buckets = ValueList.Of(
            new RunBucketRecord
            {
                Bucket = "acme-logs", Status = BucketStatus.Change, PlannedAction = BucketAction.Put, RulesAdded = 1,
                DesiredFingerprint = "abc", HistoryKey = "history/acme-logs/20260314T091500.250Z.json", Result = RunBucketResult.Applied,
            },
            new RunBucketRecord
            {
                Bucket = "acme-tmp", Status = BucketStatus.Change, PlannedAction = BucketAction.Delete, Result = RunBucketResult.Failed,
                Error = "DeleteBucketLifecycle on bucket 'acme-tmp' failed (HTTP 403, AccessDenied): Access Denied",
            },
            new RunBucketRecord { Bucket = "acme-web", Status = BucketStatus.InSync, PlannedAction = BucketAction.None }),
    };

    [Test]
    public async Task WriteAsync_Record_NamedByStartAndRunIdUnderLog()
    {
        var key = await new RunLog(new LocalEndpointStore(_folder.Path), []).WriteAsync(Record());

        key.Should().Be("log/20260314T091500.250Z-a1b2c3d4e5f6.json");
        _folder.AllFiles().Should().Equal(key);
    }

    [Test]
    public async Task WriteAsync_Record_StoresActionPlanAndPerBucketOutcome()
    {
        var key = await new RunLog(new LocalEndpointStore(_folder.Path), []).WriteAsync(Record());

        using var json = JsonDocument.Parse(File.ReadAllText(_folder.File(key)));
        var root = json.RootElement;
        root.GetProperty("action").GetString().Should().Be("SYNC");
        root.GetProperty("settingsFingerprint").GetString().Should().Be("0123456789ab");
        root.GetProperty("plan").GetProperty("bucketsChanged").GetInt32().Should().Be(2);
        var buckets = root.GetProperty("buckets").EnumerateArray().ToList();
        buckets.Select(b => b.GetProperty("plannedAction").GetString()).Should().Equal("put", "delete", "none");
        buckets.Select(b => b.GetProperty("status").GetString()).Should().Equal("change", "change", "in-sync");
        buckets[0].GetProperty("result").GetString().Should().Be("applied");
        buckets[1].GetProperty("error").GetString().Should().Contain("AccessDenied");
    }

    [Test]
    public async Task ReadAsync_AfterWrite_EqualsTheRecord()
    {
        var log = new RunLog(new LocalEndpointStore(_folder.Path), []);
        var key = await log.WriteAsync(Record());

        (await log.ReadAsync(key)).Should().Be(Record());
        (await log.ReadAsync("log/none.json")).Should().BeNull();
    }

    [Test]
    public async Task WriteAsync_MessagesWithCredentials_StoresThemMasked()
    {
        const string secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        const string sessionToken = "FQoGZXIvYXdzEXAMPLESESSIONTOKENvalue123";
        var record = Record() with
        {
            Errors = ValueList.Of(
                $"signing with {secretKey} failed",
                "request https://admin:hunter2@s3.internal/state?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE/20260314&X-Amz-Signature=deadbeef01 refused",
                "profile has aws_secret_access_key = abcdEFGH1234 and password: p4ssw0rd"),
            Buckets = ValueList.Of(new RunBucketRecord
            {
                Bucket = "acme-logs", Status = BucketStatus.Error, PlannedAction = BucketAction.None,
                Error = $"token {sessionToken} expired for key AKIAIOSFODNN7EXAMPLE",
            }),
        };

        var key = await new RunLog(new LocalEndpointStore(_folder.Path), [secretKey, sessionToken]).WriteAsync(record);

        var text = Encoding.UTF8.GetString(File.ReadAllBytes(_folder.File(key)));
        foreach (var secret in new[] { secretKey, sessionToken, "AKIAIOSFODNN7EXAMPLE", "hunter2", "deadbeef01", "abcdEFGH1234", "p4ssw0rd" })
        {
            text.Should().NotContain(secret);
        }

        text.Should().Contain("signing with *** failed").And.Contain("X-Amz-Signature=***").And.Contain("https://***@s3.internal");
    }

    [Test]
    public async Task ListAsync_SeveralRuns_NewestFirst()
    {
        var log = new RunLog(new LocalEndpointStore(_folder.Path), []);
        await log.WriteAsync(Record("run1", Started));
        await log.WriteAsync(Record("run3", Started.AddDays(2)));
        await log.WriteAsync(Record("run2", Started.AddDays(1)));

        (await log.ListAsync()).Should().Equal(
            "log/20260316T091500.250Z-run3.json", "log/20260315T091500.250Z-run2.json", "log/20260314T091500.250Z-run1.json");
    }

    [TestCase("has space")]
    [TestCase("../up")]
    [TestCase("")]
    public async Task WriteAsync_UnsafeRunId_Throws(string runId)
    {
        var act = () => new RunLog(new LocalEndpointStore(_folder.Path), []).WriteAsync(Record(runId));

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Test]
    public void Start_Plan_RecordsEveryBucketAsPlanned()
    {
        var actual = LifecycleConfiguration.Of(new LifecycleRule { Id = "r", Filter = LifecycleFilter.MatchAll, Expiration = new LifecycleExpiration { Days = 1 } });
        var plan = new AccountPlan
        {
            Buckets = ValueList.Of(new BucketPlan { Bucket = "b", Status = BucketStatus.Change, Action = BucketAction.Delete, Actual = actual, Removed = actual.Rules }),
            Summary = new PlanSummary { BucketsChanged = 1, RulesRemoved = 1 },
        };

        var record = RunRecord.Start("r1", "SYNC", Started, plan);

        record.Plan.Should().Be(plan.Summary);
        record.Buckets.Should().ContainSingle().Which.Should().Be(new RunBucketRecord
        {
            Bucket = "b", Status = BucketStatus.Change, PlannedAction = BucketAction.Delete, RulesRemoved = 1, ActualFingerprint = actual.Fingerprint,
        });
        RunId.IsValid(RunId.New()).Should().BeTrue();
    }
}
