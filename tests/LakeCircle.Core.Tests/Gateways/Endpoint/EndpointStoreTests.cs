using System.Text;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Gateways;

/// <summary>The contract every <see cref="IEndpointStore"/> keeps, run over a local folder, over S3 (the SDK over objects in memory) and in memory.</summary>
[TestFixture("local")]
[TestFixture("s3")]
[TestFixture("memory")]
public sealed class EndpointStoreTests(string kind)
{
    private TempFolder _folder = null!;
    private IEndpointStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempFolder();
        _store = kind switch
        {
            "local" => new LocalEndpointStore(_folder.Path),
            "memory" => new InMemoryEndpointStore("state", "lakecircle/prod"),
            _ => new S3EndpointStore(new S3ObjectStub("state").Client, "state", "lakecircle/prod"),
        };
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Test]
    public async Task WriteAsync_ThenTryRead_ReturnsTheContent()
    {
        await _store.WriteAsync("previous/logs.json", Bytes("one"));

        (await _store.TryReadAsync("previous/logs.json")).Should().Equal(Bytes("one"));
    }

    [Test]
    public async Task WriteAsync_ExistingKey_ReplacesTheContent()
    {
        await _store.WriteAsync("current/logs.json", Bytes("a longer first content"));
        await _store.WriteAsync("current/logs.json", Bytes("two"));

        (await _store.TryReadAsync("current/logs.json")).Should().Equal(Bytes("two"));
    }

    [Test]
    public async Task TryReadAsync_Absent_ReturnsNull()
    {
        (await _store.TryReadAsync("previous/none.json")).Should().BeNull();
        (await _store.TryReadAsync("no-such-folder/deeper/none.json")).Should().BeNull();
    }

    [Test]
    public async Task ListAsync_Prefix_ReturnsMatchingKeysSortedAndRelative()
    {
        foreach (var key in new[] { "history/b/2.json", "history/a/1.json", "history/b/1.json", "log/x.json", "lock.json" })
        {
            await _store.WriteAsync(key, Bytes(key));
        }

        (await _store.ListAsync("history/")).Should().Equal("history/a/1.json", "history/b/1.json", "history/b/2.json");
        (await _store.ListAsync("history/b/")).Should().Equal("history/b/1.json", "history/b/2.json");
        (await _store.ListAsync("lo")).Should().Equal("lock.json", "log/x.json");
        (await _store.ListAsync("")).Should().HaveCount(5).And.BeInAscendingOrder(StringComparer.Ordinal);
        (await _store.ListAsync("nothing/")).Should().BeEmpty();
    }

    [Test]
    public async Task CreateExclusiveAsync_AbsentThenPresent_TrueThenFalseAndKeepsTheFirst()
    {
        (await _store.CreateExclusiveAsync("lock.json", Bytes("first"))).Should().BeTrue();
        (await _store.CreateExclusiveAsync("lock.json", Bytes("second"))).Should().BeFalse();

        (await _store.TryReadAsync("lock.json")).Should().Equal(Bytes("first"));
    }

    [Test]
    public async Task DeleteAsync_Present_RemovesAndAbsentIsNoError()
    {
        await _store.WriteAsync("lock.json", Bytes("x"));

        await _store.DeleteAsync("lock.json");
        await _store.DeleteAsync("lock.json");
        await _store.DeleteAsync("missing-folder/lock.json");

        (await _store.TryReadAsync("lock.json")).Should().BeNull();
        (await _store.CreateExclusiveAsync("lock.json", Bytes("again"))).Should().BeTrue();
    }

    [TestCase("")]
    [TestCase("../escape.json")]
    [TestCase("history/../../escape.json")]
    [TestCase("/rooted.json")]
    [TestCase("folder/")]
    public async Task WriteAsync_BadKey_Throws(string key)
    {
        var act = () => _store.WriteAsync(key, Bytes("x"));

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Test]
    public void Describe_Key_NamesTheFullLocation()
    {
        var expected = kind switch
        {
            "local" => _folder.File("log/a.json"),
            "memory" => "memory://state/lakecircle/prod/log/a.json",
            _ => "s3://state/lakecircle/prod/log/a.json",
        };

        _store.Describe("log/a.json").Should().Be(expected);
    }
}
