using LakeCircle.Core.Impact;
using LakeCircle.Core.Impact.Inventory;
using LakeCircle.Core.Model;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Impact.Inventory;

/// <summary>The counts over a small report, checked by hand against S3's day rounding (next midnight UTC).</summary>
public sealed class InventoryAggregatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly LifecycleConfiguration Current = LifecycleConfiguration.Of(
        new LifecycleRule { Id = "logs-30", Filter = new LifecycleFilter { Prefix = "logs/" }, Expiration = new LifecycleExpiration { Days = 30 } });

    private static readonly LifecycleConfiguration Desired = LifecycleConfiguration.Of(
        new LifecycleRule { Id = "logs-7", Filter = new LifecycleFilter { Prefix = "logs/" }, Expiration = new LifecycleExpiration { Days = 7 } },
        new LifecycleRule
        {
            Id = "tmp-ia",
            Filter = new LifecycleFilter { Prefix = "tmp/" },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = "STANDARD_IA" }),
        },
        new LifecycleRule { Id = "tagged", Filter = new LifecycleFilter { Tag = new LifecycleTag("expire", "yes") }, Expiration = new LifecycleExpiration { Days = 1 } });

    private const string Report =
        // logs/a: deleted Mar 30 now (Feb 27 10:00 + 30 days, next midnight), Mar 7 under the desired rule.
        "\"acme\",\"logs/a\",\"1000\",\"2026-02-27T10:00:00.000Z\",\"STANDARD\"\n"
        // logs/b: overdue under both: due now.
        + "\"acme\",\"logs/b\",\"2000\",\"2025-01-01T00:00:00.000Z\",\"STANDARD\"\n"
        // tmp/c: 1 MiB, to STANDARD_IA on Mar 18 under the desired rule only.
        + "\"acme\",\"tmp/c\",\"1048576\",\"2026-02-15T12:00:00.000Z\",\"STANDARD\"\n"
        // data/d: no rule but the tag rule, which the report cannot decide.
        + "\"acme\",\"data/d\",\"500\",\"2026-01-01T00:00:00.000Z\",\"STANDARD\"\n";

    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private async Task<InventoryImpactReport> RunAsync(string report, InventoryImpactOptions options, LifecycleConfiguration? current = null, LifecycleConfiguration? desired = null,
        Func<LifecycleConfiguration, ObjectVersion, BucketVersioning, ObjectSchedule>? evaluate = null)
    {
        var path = _folder.File("report.csv");
        await File.WriteAllTextAsync(path, report);
        return await InventoryImpact.RunAsync("acme", path, current ?? Current, desired ?? Desired, true, options, DateTimeOffset.UnixEpoch, CancellationToken.None, evaluate);
    }

    [Test]
    public async Task SmallReport_CountsDeletionsTransitionsTagsAndFateChanges()
    {
        var report = await RunAsync(Report, new InventoryImpactOptions { Columns = ["Bucket", "Key", "Size", "LastModifiedDate", "StorageClass"], Now = Now });

        report.Versioning.Should().Be(BucketVersioning.Unversioned, "the report has no IsLatest column");
        report.Scanned.Should().Be(new InventoryCount(4, 1000 + 2000 + 1048576 + 500));
        report.CurrentVersions.Should().Be(4);

        report.Current.Horizons.Select(h => h.Days).Should().Equal(1, 7, 30, 365);
        report.Current.Horizons.Select(h => h.Deleted).Should().Equal(
            new InventoryCount(1, 2000), new InventoryCount(1, 2000), new InventoryCount(2, 3000), new InventoryCount(2, 3000));
        report.Current.Horizons.Should().OnlyContain(h => h.Transitioned.Count == 0);
        report.Current.DependsOnTags.Should().Be(default(InventoryCount));

        report.Desired.Horizons.Select(h => h.Deleted).Should().Equal(
            new InventoryCount(1, 2000), new InventoryCount(2, 3000), new InventoryCount(2, 3000), new InventoryCount(2, 3000));
        report.Desired.Horizons[1].Transitioned.Should().BeEmpty();
        report.Desired.Horizons[2].Transitioned.Should().Equal(new Dictionary<string, InventoryCount> { ["STANDARD_IA"] = new(1, 1048576) });
        report.Desired.Horizons[3].Transitioned["STANDARD_IA"].Should().Be(new InventoryCount(1, 1048576));
        report.Desired.DependsOnTags.Should().Be(new InventoryCount(4, 1000 + 2000 + 1048576 + 500));
        report.Desired.DependsOnTagsByRule.Should().Equal(new Dictionary<string, InventoryCount> { ["tagged"] = new(4, 1000 + 2000 + 1048576 + 500) });

        report.FateChanged.Should().Be(new InventoryCount(3, 1000 + 2000 + 1048576));
        report.FateChangedExamples.Should().Equal("logs/a", "logs/b", "tmp/c");
    }

    [Test]
    public async Task NoNow_TakesTheClock()
    {
        var report = await RunAsync(Report, new InventoryImpactOptions { Columns = ["Bucket", "Key", "Size", "LastModifiedDate", "StorageClass"] });

        report.Now.Should().Be(DateTimeOffset.UnixEpoch);
    }

    [Test]
    public async Task VersionedReport_NoncurrentTimingComesFromTheNewerVersion()
    {
        var configuration = LifecycleConfiguration.Of(
            new LifecycleRule { Id = "nc-10", Filter = LifecycleFilter.MatchAll, NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 10 } });
        const string Versions =
            "\"acme\",\"k\",\"v3\",\"true\",\"false\",\"30\",\"2026-02-25T08:00:00.000Z\",\"STANDARD\"\n"
            // noncurrent since Feb 25 08:00: deleted Mar 8 (within 7 days? no: Mar 8 is the limit itself, so yes).
            + "\"acme\",\"k\",\"v2\",\"false\",\"false\",\"20\",\"2026-02-01T00:00:00.000Z\",\"STANDARD\"\n"
            // noncurrent since Feb 1: overdue.
            + "\"acme\",\"k\",\"v1\",\"false\",\"false\",\"10\",\"2025-01-01T00:00:00.000Z\",\"STANDARD\"\n"
            // a key whose current version is not listed: since unknown.
            + "\"acme\",\"orphan\",\"v9\",\"false\",\"false\",\"7\",\"2025-01-01T00:00:00.000Z\",\"STANDARD\"\n";

        var report = await RunAsync(Versions, new InventoryImpactOptions { Columns = [.. InventoryReaderTests.Schema.Split(", ")], Now = Now }, configuration, LifecycleConfiguration.Empty);

        report.Versioning.Should().Be(BucketVersioning.Enabled);
        report.CurrentVersions.Should().Be(1);
        report.NoncurrentVersions.Should().Be(3);
        report.NoncurrentSinceUnknown.Should().Be(new InventoryCount(1, 7));
        report.Current.Horizons.Select(h => h.Deleted.Objects).Should().Equal(1, 2, 2, 2);
        report.Current.Horizons[1].Deleted.Bytes.Should().Be(30);
        report.Current.Horizons.Select(h => h.PermanentlyDeleted).Should().Equal(report.Current.Horizons.Select(h => h.Deleted), "noncurrent versions expire for good");
        report.Desired.Horizons.Should().OnlyContain(h => h.Deleted.Objects == 0);
        report.FateChanged.Should().Be(new InventoryCount(2, 30));
    }

    [Test]
    public async Task VersionedBucket_ExpiredCurrentVersionGetsAMarker_AndIsDeletedForGoodLater()
    {
        var configuration = LifecycleConfiguration.Of(new LifecycleRule
        {
            Id = "expire-and-clean",
            Filter = LifecycleFilter.MatchAll,
            Expiration = new LifecycleExpiration { Days = 10 },
            NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 20 },
        });
        // Created Feb 25 08:00: a delete marker on Mar 8 (within 7 days), deleted for good 20 days later, Mar 28 (within 30).
        const string Current = "\"acme\",\"k\",\"v1\",\"true\",\"false\",\"64\",\"2026-02-25T08:00:00.000Z\",\"STANDARD\"\n";

        var report = await RunAsync(Current, new InventoryImpactOptions { Columns = [.. InventoryReaderTests.Schema.Split(", ")], Now = Now }, configuration, configuration);

        report.Current.Horizons.Select(h => h.Deleted.Objects).Should().Equal(0, 1, 1, 1);
        report.Current.Horizons.Select(h => h.PermanentlyDeleted.Objects).Should().Equal(0, 0, 1, 1);
        report.FateChanged.Objects.Should().Be(0);
    }

    [Test]
    public async Task Aggregator_TakesAnyEvaluation_AndKeepsTenExamplesAtMost()
    {
        var rows = string.Concat(Enumerable.Range(0, 25).Select(i => $"\"acme\",\"k{i:00}\",\"1\",\"2026-01-01T00:00:00.000Z\"\n"));
        var deleteTomorrow = new ScheduledAction { Kind = ScheduledActionKind.Delete, Date = Now.AddDays(1), RuleId = "x" };

        var report = await RunAsync(rows, new InventoryImpactOptions { Columns = ["Bucket", "Key", "Size", "LastModifiedDate"], Now = Now }, evaluate: (configuration, version, _) =>
            new ObjectSchedule { Object = version, Actions = ReferenceEquals(configuration, Desired) ? ValueList.Of(deleteTomorrow) : ValueList<ScheduledAction>.Empty });

        report.Desired.Horizons[0].Deleted.Should().Be(new InventoryCount(25, 25));
        report.Current.Horizons[3].Deleted.Should().Be(default(InventoryCount));
        report.FateChanged.Objects.Should().Be(25);
        report.FateChangedExamples.Should().HaveCount(InventoryAggregator.MaxExamples).And.StartWith("k00");
    }

    [Test]
    public void SameFate_IgnoresWhichRuleDecides()
    {
        var version = new ObjectVersion { Key = "a", Created = Now };
        ObjectSchedule Schedule(string rule, int days) => new()
        {
            Object = version,
            Actions = ValueList.Of(new ScheduledAction { Kind = ScheduledActionKind.Delete, Date = Now.AddDays(days), RuleId = rule }),
        };

        InventoryAggregator.SameFate(Schedule("a", 1), Schedule("b", 1)).Should().BeTrue();
        InventoryAggregator.SameFate(Schedule("a", 1), Schedule("a", 2)).Should().BeFalse();
    }
}
