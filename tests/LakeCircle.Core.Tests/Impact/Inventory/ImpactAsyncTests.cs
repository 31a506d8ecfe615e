using LakeCircle.Core.Impact;
using LakeCircle.Core.Impact.Inventory;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Impact.Inventory;

/// <summary>
/// <see cref="LakeCircleClient.ImpactAsync"/> over the standard account: <c>logs</c> has expire logs/ after 30 days and
/// old/ after 5; its definition expires logs/ after 90 and new/ after 7.
/// </summary>
public sealed class ImpactAsyncTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Report =
        "\"logs\",\"logs/a\",\"10\",\"2026-02-10T12:00:00.000Z\"\n"     // Mar 13 now, May 12 desired
        + "\"logs\",\"old/b\",\"20\",\"2026-02-27T12:00:00.000Z\"\n"    // Mar 5 now, never desired
        + "\"logs\",\"new/c\",\"40\",\"2026-02-27T12:00:00.000Z\"\n";   // never now, Mar 7 desired

    private static readonly InventoryImpactOptions Options = new() { Columns = ["Bucket", "Key", "Size", "LastModifiedDate"], Now = Now };

    private TempFolder _folder = null!;
    private string _report = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempFolder();
        _report = _folder.File("report.csv");
        File.WriteAllText(_report, Report);
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private static LakeCircleClient Client()
    {
        var (gateway, definitions) = Standard();
        return TestClient.Create(gateway, definitions);
    }

    [Test]
    public async Task DriftedBucket_ComparesTheBucketsConfigurationWithTheDefinitions()
    {
        await using var client = Client();

        var report = await client.ImpactAsync("logs", _report, Options);

        report.ConfigurationChanges.Should().BeTrue();
        report.Versioning.Should().Be(BucketVersioning.Unversioned);
        report.Current.Horizons.Select(h => h.Deleted).Should().Equal(new InventoryCount(0, 0), new InventoryCount(1, 20), new InventoryCount(2, 30), new InventoryCount(2, 30));
        report.Desired.Horizons.Select(h => h.Deleted).Should().Equal(new InventoryCount(0, 0), new InventoryCount(1, 40), new InventoryCount(1, 40), new InventoryCount(2, 50));
        report.FateChanged.Should().Be(new InventoryCount(3, 70));
    }

    [Test]
    public async Task BucketInSync_ChangesNoFate()
    {
        await using var client = Client();

        var report = await client.ImpactAsync("backups", _report, Options);

        report.ConfigurationChanges.Should().BeFalse();
        report.FateChanged.Should().Be(default(InventoryCount));
        report.Current.Should().BeEquivalentTo(report.Desired);
    }

    [TestCase("scratch", "definition")]
    [TestCase("archive", "not in the account")]
    public async Task BucketWithoutDefinitionOrMissing_IsRefused(string bucket, string reason)
    {
        await using var client = Client();

        var act = () => client.ImpactAsync(bucket, _report, Options);

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain(bucket).And.Contain(reason);
    }

    [Test]
    public async Task MissingReport_IsFileNotFound()
    {
        await using var client = Client();

        var act = () => client.ImpactAsync("logs", _folder.File("none.csv"), Options);

        await act.Should().ThrowAsync<FileNotFoundException>();
    }
}
