using System.Text.Json;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Gateways;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Archive;

public sealed class ConfigurationArchiveTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 15, 0, 250, TimeSpan.Zero);
    private TempFolder _folder = null!;
    private ConfigurationArchive _archive = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempFolder();
        _archive = new ConfigurationArchive(new LocalEndpointStore(_folder.Path), new ManualTime(At.AddHours(1)));
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private static LifecycleConfiguration Config(int days) => LifecycleConfiguration.Of(
        new LifecycleRule { Id = "expire", Filter = new LifecycleFilter { Prefix = "tmp/" }, Expiration = new LifecycleExpiration { Days = days } });

    [Test]
    public async Task SavePreviousAsync_Configuration_WritesPreviousAndHistory()
    {
        var version = await _archive.SavePreviousAsync("acme-logs", Config(30), At);

        version.Should().Be(new HistoryVersion("acme-logs", At, "history/acme-logs/20260314T091500.250Z.json"));
        _folder.AllFiles().Should().Equal("history/acme-logs/20260314T091500.250Z.json", "previous/acme-logs.json");
        File.ReadAllBytes(_folder.File("previous/acme-logs.json")).Should().Equal(File.ReadAllBytes(_folder.File(version.Key)));
    }

    [Test]
    public async Task SavePreviousAsync_Envelope_HoldsBucketTimeReasonAndTheAwsShape()
    {
        await _archive.SavePreviousAsync("acme-logs", Config(30), At.AddTicks(1234), ArchiveReasons.BeforeRollback);

        using var json = JsonDocument.Parse(File.ReadAllText(_folder.File("previous/acme-logs.json")));
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("bucket", "capturedAt", "reason", "configuration");
        root.GetProperty("bucket").GetString().Should().Be("acme-logs");
        root.GetProperty("capturedAt").GetDateTimeOffset().Should().Be(At);
        root.GetProperty("reason").GetString().Should().Be("before-rollback");
        var rule = root.GetProperty("configuration").GetProperty("Rules")[0];
        rule.GetProperty("ID").GetString().Should().Be("expire");
        rule.GetProperty("Filter").GetProperty("Prefix").GetString().Should().Be("tmp/");
        rule.GetProperty("Expiration").GetProperty("Days").GetInt32().Should().Be(30);
    }

    [Test]
    public async Task SavePreviousAsync_NoLifecycle_StoresNullAndReadsBackNull()
    {
        await _archive.SavePreviousAsync("bare", null, At);

        using var json = JsonDocument.Parse(File.ReadAllText(_folder.File("previous/bare.json")));
        json.RootElement.GetProperty("configuration").ValueKind.Should().Be(JsonValueKind.Null);
        var read = await _archive.ReadPreviousAsync("bare");
        read.Should().NotBeNull();
        read!.Configuration.Should().BeNull();
    }

    [TestCaseSource(typeof(LifecycleShapes), nameof(LifecycleShapes.Configurations))]
    public async Task ReadPreviousAsync_AfterSave_EqualsTheOriginal(LifecycleConfiguration original)
    {
        await _archive.SavePreviousAsync("shapes", original, At);

        var read = await _archive.ReadPreviousAsync("shapes");

        read.Should().Be(new ArchivedConfiguration { Bucket = "shapes", CapturedAt = At, Reason = ArchiveReasons.BeforeSync, Configuration = original });
    }

    [Test]
    public async Task ReadVersionAsync_EveryUserGuideExample_RoundTrips()
    {
        var time = At;
        foreach (var (name, configuration) in AwsUserGuideExamples.All)
        {
            await _archive.SavePreviousAsync("guide", configuration, time);
            (await _archive.ReadVersionAsync("guide", time))!.Configuration.Should().Be(configuration, name);
            time = time.AddSeconds(1);
        }
    }

    [Test]
    public async Task SavePreviousAsync_Twice_PreviousHoldsTheLatestAndHistoryBoth()
    {
        await _archive.SavePreviousAsync("acme-logs", Config(30), At);
        await _archive.SavePreviousAsync("acme-logs", Config(60), At.AddMinutes(5));

        (await _archive.ReadPreviousAsync("acme-logs"))!.Configuration.Should().Be(Config(60));
        (await _archive.ListHistoryAsync("acme-logs")).Select(v => v.CapturedAt).Should().Equal(At.AddMinutes(5), At);
    }

    [Test]
    public async Task SaveCurrentAsync_Configuration_WritesCurrentWithTheClockTime()
    {
        await _archive.SaveCurrentAsync("acme-logs", Config(90));

        _folder.AllFiles().Should().Equal("current/acme-logs.json");
        var read = await _archive.ReadCurrentAsync("acme-logs");
        read.Should().Be(new ArchivedConfiguration
        {
            Bucket = "acme-logs", CapturedAt = At.AddHours(1), Reason = ArchiveReasons.AfterSync, Configuration = Config(90),
        });
    }

    [Test]
    public async Task ReadPreviousAsync_NothingSaved_ReturnsNull()
    {
        (await _archive.ReadPreviousAsync("never")).Should().BeNull();
        (await _archive.ReadCurrentAsync("never")).Should().BeNull();
        (await _archive.ListHistoryAsync("never")).Should().BeEmpty();
    }

    [TestCase("../x")]
    [TestCase("a/b")]
    [TestCase("..")]
    [TestCase("ab")]
    [TestCase("Acme-Logs")]
    [TestCase("acme\nlogs")]
    [TestCase("acme\u001b[2J")]
    [TestCase("acme..logs")]
    public async Task SavePreviousAsync_BadBucketName_Throws(string bucket)
    {
        var act = () => _archive.SavePreviousAsync(bucket, null, At);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("is not a bucket name").And.NotContainAny("\n", "\u001b");
        _folder.AllFiles().Should().BeEmpty();
    }

    [Test]
    public async Task ReadPreviousAsync_MalformedConfiguration_ThrowsNamingFileAndProperty()
    {
        Directory.CreateDirectory(_folder.File("previous"));
        await File.WriteAllTextAsync(
            _folder.File("previous/bad.json"),
            """{"bucket":"bad","capturedAt":"2026-03-14T09:15:00Z","reason":"before-sync","configuration":{"Rules":[{"Status":"Enabled","Bogus":1}]}}""");

        var act = () => _archive.ReadPreviousAsync("bad");

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should()
            .Contain(_folder.File("previous/bad.json")).And.Contain("$.configuration.Rules[0]");
    }

    [Test]
    public async Task ReadPreviousAsync_UnknownEnvelopeProperty_Throws()
    {
        Directory.CreateDirectory(_folder.File("previous"));
        await File.WriteAllTextAsync(
            _folder.File("previous/bad.json"),
            """{"bucket":"bad","capturedAt":"2026-03-14T09:15:00Z","reason":"before-sync","configuration":null,"extra":1}""");

        var act = () => _archive.ReadPreviousAsync("bad");

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("bad.json");
    }
}
