using LakeCircle.Core.Impact.Inventory;

namespace LakeCircle.Core.Tests.Impact.Inventory;

/// <summary>Object versions from inventory rows: grouping by key, noncurrent timing and counting.</summary>
public sealed class VersionGrouperTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static InventoryRow Row(string key, bool latest, int day, bool marker = false, long size = 10) =>
        new(key, latest, marker, size, T0.AddDays(day), "STANDARD", "f.csv", 1);

    private static List<InventoryVersion> Group(bool listsVersions, params InventoryRow[] rows)
    {
        var versions = new List<InventoryVersion>();
        var grouper = new VersionGrouper(versions.Add, listsVersions);
        foreach (var row in rows)
        {
            grouper.Add(row);
        }

        grouper.Complete();
        return versions;
    }

    [Test]
    public void Versions_NewestFirst_NoncurrentSinceIsTheNextNewerVersionsTime()
    {
        var versions = Group(true, Row("a", true, 30), Row("a", false, 20), Row("a", false, 10), Row("b", true, 5));

        versions.Should().HaveCount(4);
        versions[0].Version.IsCurrent.Should().BeTrue();
        versions[0].Version.IsOnlyVersion.Should().BeFalse();
        versions[1].Version.NoncurrentSince.Should().Be(T0.AddDays(30));
        versions[1].Version.NewerNoncurrentVersions.Should().Be(0);
        versions[2].Version.NoncurrentSince.Should().Be(T0.AddDays(20));
        versions[2].Version.NewerNoncurrentVersions.Should().Be(1);
        versions[3].Version.Key.Should().Be("b");
        versions[3].Version.IsOnlyVersion.Should().BeTrue();
        versions.Should().OnlyContain(v => !v.NoncurrentSinceUnknown && v.Version.Tags == null);
    }

    [Test]
    public void VersionsOfOneKeyOutOfOrder_AreOrderedNewestFirst()
    {
        var versions = Group(true, Row("a", false, 10), Row("a", true, 30), Row("a", false, 20));

        versions.Select(v => v.Version.Created).Should().Equal(T0.AddDays(30), T0.AddDays(20), T0.AddDays(10));
        versions[2].Version.NoncurrentSince.Should().Be(T0.AddDays(20));
    }

    [Test]
    public void KeyWithoutLatestRow_NewestNoncurrentIsSinceUnknown()
    {
        var versions = Group(true, Row("a", false, 20), Row("a", false, 10));

        versions[0].NoncurrentSinceUnknown.Should().BeTrue();
        versions[0].Version.NoncurrentSince.Should().BeNull();
        versions[1].NoncurrentSinceUnknown.Should().BeFalse();
        versions[1].Version.NoncurrentSince.Should().Be(T0.AddDays(20));
        versions[1].Version.NewerNoncurrentVersions.Should().Be(1);
    }

    [Test]
    public void DeleteMarkerAlone_IsAnExpiredObjectDeleteMarker()
    {
        var versions = Group(true, Row("a", true, 1, marker: true, size: 0));

        versions.Should().ContainSingle().Which.Version.Should().Match<LakeCircle.Core.Impact.ObjectVersion>(v => v.IsDeleteMarker && v.IsCurrent && v.IsOnlyVersion);
    }

    [Test]
    public void CurrentVersionsOnlyReport_EveryRowIsCurrent()
    {
        var versions = Group(false, Row("a", true, 1), Row("a", true, 2));

        versions.Should().HaveCount(2).And.OnlyContain(v => v.Version.IsCurrent && v.Version.NoncurrentSince == null);
    }
}
