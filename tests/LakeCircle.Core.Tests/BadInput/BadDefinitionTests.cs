using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.BadInput;

/// <summary>
/// A SYNC over malformed definitions stops before touching the account: every problem names its file (and line where
/// it has one), and the store counts no write — no call at all.
/// </summary>
[TestFixture]
internal sealed class BadDefinitionTests
{
    private static readonly LifecycleConfiguration Existing = new()
    {
        Rules = ValueList.Of(new LifecycleRule { Id = "keep", Status = RuleStatus.Enabled, Expiration = new LifecycleExpiration { Days = 9 } }),
    };

    [TestCaseSource(typeof(BadDefinitionCases), nameof(BadDefinitionCases.All))]
    public async Task SyncAsync_MalformedDefinition_NamesTheFileAndWritesNothing(string file, byte[] content, string fragment)
    {
        using var folder = new TempFolder();
        await File.WriteAllBytesAsync(folder.File(file), content);
        var store = new InMemoryS3Gateway().SetLifecycle("acme-logs", Existing);

        var outcome = await TestClient.Create(store, new LocalDefinitionSource(folder.Path)).SyncAsync();

        var text = string.Join("\n", outcome.Diagnostics.Select(d => d.ToString()));
        TestContext.Out.WriteLine(text.Length > 600 ? text[..600] : text);
        outcome.Succeeded.Should().BeFalse();
        outcome.Diagnostics.Should().NotBeEmpty();
        outcome.Diagnostics.Should().OnlyContain(d => d.Location != null && d.Location.File.EndsWith(file, StringComparison.Ordinal), "every problem names its file");
        text.Should().Contain(fragment);
        store.CallCounts.Should().BeEmpty("nothing is read or written when a definition is invalid");
        store.PeekLifecycle("acme-logs").Should().BeSameAs(Existing);
    }

    [Test]
    public async Task SyncAsync_SameBucketInTwoFilesWithConflictingSettings_NamesBothFilesAndWritesNothing()
    {
        using var folder = new TempFolder();
        const string body = "\n[LifecycleConfiguration]\nTransitionDefaultMinimumObjectSize = \"{0}\"\nRules = []\n";
        await File.WriteAllTextAsync(folder.File("a.toml"), "BucketName = \"acme-logs\"" + body.Replace("{0}", "varies_by_storage_class", StringComparison.Ordinal));
        await File.WriteAllTextAsync(folder.File("b.toml"), "BucketName = \"acme-logs\"" + body.Replace("{0}", "all_storage_classes_128K", StringComparison.Ordinal));
        var store = new InMemoryS3Gateway().SetLifecycle("acme-logs", Existing);

        var outcome = await TestClient.Create(store, new LocalDefinitionSource(folder.Path)).SyncAsync();

        var text = string.Join("\n", outcome.Diagnostics.Select(d => d.ToString()));
        TestContext.Out.WriteLine(text);
        text.Should().Contain("a.toml").And.Contain("b.toml");
        store.CallCounts.Should().BeEmpty();
    }

    [Test]
    public async Task SyncAsync_SameRuleIdInTwoFilesOfOneBucket_NamesTheRuleAndWritesNothing()
    {
        using var folder = new TempFolder();
        const string rule = "\n[LifecycleConfiguration]\n[[LifecycleConfiguration.Rules]]\nID = \"r1\"\nStatus = \"Enabled\"\nFilter = {}\nExpiration = { Days = 1 }\n";
        await File.WriteAllTextAsync(folder.File("a.toml"), "BucketName = \"acme-logs\"" + rule);
        await File.WriteAllTextAsync(folder.File("b.toml"), "BucketName = \"acme-logs\"" + rule);
        var store = new InMemoryS3Gateway().SetLifecycle("acme-logs", Existing);

        var outcome = await TestClient.Create(store, new LocalDefinitionSource(folder.Path)).SyncAsync();

        var text = string.Join("\n", outcome.Diagnostics.Select(d => d.ToString()));
        TestContext.Out.WriteLine(text);
        outcome.Diagnostics.Should().NotBeEmpty();
        text.Should().Contain("r1").And.Contain(".toml");
        store.CallCounts.Should().BeEmpty();
    }
}
