using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Archive;

public sealed class ConfigurationArchiveHistoryTests
{
    private static readonly DateTimeOffset T1 = new(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = new(2026, 2, 10, 8, 0, 0, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset T3 = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    private TempFolder _folder = null!;
    private ConfigurationArchive _archive = null!;

    [SetUp]
    public async Task SetUp()
    {
        _folder = new TempFolder();
        _archive = new ConfigurationArchive(new LocalEndpointStore(_folder.Path));
        await _archive.SavePreviousAsync("logs", Config(10), T2);
        await _archive.SavePreviousAsync("logs", Config(30), T3);
        await _archive.SavePreviousAsync("logs", null, T1);
        await _archive.SavePreviousAsync("other", Config(99), T2);
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private static LifecycleConfiguration Config(int days) => LifecycleConfiguration.Of(
        new LifecycleRule { Id = "r", Filter = LifecycleFilter.MatchAll, Expiration = new LifecycleExpiration { Days = days } });

    [Test]
    public async Task ListHistoryAsync_Versions_NewestFirstOfThatBucketOnly()
    {
        var versions = await _archive.ListHistoryAsync("logs");

        versions.Select(v => v.CapturedAt).Should().Equal(T3, T2, T1);
        versions.Select(v => v.Key).Should().Equal(
            "history/logs/20260310T080000.000Z.json", "history/logs/20260210T080000.005Z.json", "history/logs/20260110T080000.000Z.json");
    }

    [Test]
    public async Task ListHistoryAsync_ForeignFile_IsLeftOut()
    {
        await File.WriteAllTextAsync(_folder.File("history/logs/notes.txt"), "hand-written");
        await File.WriteAllTextAsync(_folder.File("history/logs/not-a-time.json"), "{}");

        (await _archive.ListHistoryAsync("logs")).Should().HaveCount(3);
    }

    [Test]
    public async Task ListHistoryBucketsAsync_TwoBuckets_NameOrder()
    {
        (await _archive.ListHistoryBucketsAsync()).Should().Equal("logs", "other");
    }

    [TestCase("2026-02-15T00:00:00Z", "2026-02-10T08:00:00.005Z")]
    [TestCase("2026-02-10T08:00:00.005Z", "2026-02-10T08:00:00.005Z")]
    [TestCase("2026-02-10T08:00:00.004Z", "2026-01-10T08:00:00Z")]
    [TestCase("2027-01-01T00:00:00Z", "2026-03-10T08:00:00Z")]
    public async Task FindAsOfAsync_Time_NewestVersionAtOrBefore(string asOf, string expected)
    {
        var version = await _archive.FindAsOfAsync("logs", DateTimeOffset.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        version!.CapturedAt.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task FindAsOfAsync_BeforeTheFirstVersion_ReturnsNull()
    {
        (await _archive.FindAsOfAsync("logs", T1.AddTicks(-1))).Should().BeNull();
        (await _archive.ReadAsOfAsync("logs", T1.AddDays(-1))).Should().BeNull();
    }

    [Test]
    public async Task ReadAsOfAsync_BetweenVersions_ReadsTheOlderOne()
    {
        var read = await _archive.ReadAsOfAsync("logs", T3.AddTicks(-1));

        read!.Configuration.Should().Be(Config(10));
        read.CapturedAt.Should().Be(T2);
    }

    [TestCase("history/logs/20260210T080000.005Z.json")]
    [TestCase("20260210T080000.005Z.json")]
    [TestCase("20260210T080000.005Z")]
    [TestCase("2026-02-10T08:00:00.005Z")]
    [TestCase("2026-02-10T09:00:00.005+01:00")]
    public async Task ReadVersionAsync_KeyFileNameStampOrTime_ReadsThatVersion(string timeOrKey)
    {
        var read = await _archive.ReadVersionAsync("logs", timeOrKey);

        read!.Configuration.Should().Be(Config(10));
    }

    [Test]
    public async Task ReadVersionAsync_NoLifecycleVersion_ReadsNullConfiguration()
    {
        var read = await _archive.ReadVersionAsync("logs", "20260110T080000.000Z");

        read.Should().NotBeNull();
        read!.Configuration.Should().BeNull();
    }

    [Test]
    public async Task ReadVersionAsync_NoSuchVersion_ReturnsNull()
    {
        (await _archive.ReadVersionAsync("logs", "20250101T000000.000Z")).Should().BeNull();
    }

    [TestCase("history/other/20260210T080000.005Z.json")]
    [TestCase("yesterday")]
    public async Task ReadVersionAsync_ForeignKeyOrNonsense_Throws(string timeOrKey)
    {
        var act = () => _archive.ReadVersionAsync("logs", timeOrKey);

        await act.Should().ThrowAsync<ArgumentException>();
    }
}
