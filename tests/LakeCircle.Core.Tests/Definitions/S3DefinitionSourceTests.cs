using System.Text;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace LakeCircle.Core.Tests.Definitions;

public class S3DefinitionSourceTests
{
    [Test]
    public async Task ReadAsync_TomlObjects_ReadInKeyOrderWithS3Paths()
    {
        var s3 = new S3ObjectStub();
        foreach (var key in new[] { "lifecycle/b.toml", "lifecycle/README.md", "lifecycle/a.TOML", "lifecycle/team/c.toml", "other/d.toml", "lifecycle.toml" })
        {
            s3.Set("defs", key, Encoding.UTF8.GetBytes("# " + key));
        }

        var documents = await new S3DefinitionSource(s3.Client, "defs", "lifecycle/").ReadAsync();

        // README.md is no definition: named (for a warning), never read.
        documents.Select(d => d.Path).Should().Equal("s3://defs/lifecycle/README.md", "s3://defs/lifecycle/a.TOML", "s3://defs/lifecycle/b.toml", "s3://defs/lifecycle/team/c.toml");
        documents.Select(d => d.IsOtherFile).Should().Equal(true, false, false, false);
        documents.Skip(1).Select(d => Encoding.UTF8.GetString(d.Content.Span)).Should().Equal("# lifecycle/a.TOML", "# lifecycle/b.toml", "# lifecycle/team/c.toml");
        await s3.Client.DidNotReceive().GetObjectAsync(Arg.Is<Amazon.S3.Model.GetObjectRequest>(r => r.Key == "lifecycle/README.md"), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task ReadAsync_MoreThanOnePageOfObjects_ReadsEveryPage()
    {
        var s3 = new S3ObjectStub { PageSize = 7 };
        for (var i = 0; i < 30; i++)
        {
            s3.Set("defs", $"d/k{i:00}.toml", [(byte)'#']);
        }

        var documents = await new S3DefinitionSource(s3.Client, "defs", "d").ReadAsync();

        documents.Should().HaveCount(30);
        documents[0].Path.Should().Be("s3://defs/d/k00.toml");
    }

    [Test]
    public async Task ReadAsync_ManyObjects_ReadsAFewAtATime()
    {
        var store = Store();
        var keys = Enumerable.Range(0, 40).Select(i => $"k{i:00}.toml").ToArray();
        store.ListAsync("", Arg.Any<CancellationToken>()).Returns(keys);
        var inFlight = 0;
        var maxInFlight = 0;
        store.TryReadAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns<Task<byte[]?>>(async _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Yield();
            await Task.Delay(1);
            Interlocked.Decrement(ref inFlight);
            return Array.Empty<byte>();
        });

        var documents = await new S3DefinitionSource(store).ReadAsync();

        documents.Should().HaveCount(40);
        documents.Select(d => d.Path).Should().BeInAscendingOrder(StringComparer.Ordinal);
        maxInFlight.Should().BeInRange(1, S3DefinitionSource.MaxConcurrentReads);
    }

    [Test]
    public async Task ReadAsync_ReadFails_ThrowsTheGatewayException()
    {
        var store = Store();
        store.ListAsync("", Arg.Any<CancellationToken>()).Returns(["a.toml"]);
        store.TryReadAsync("a.toml", Arg.Any<CancellationToken>())
            .ThrowsAsync(new S3GatewayException(S3ErrorKind.AccessDenied, "GetObject", "defs", "Access Denied", 403, "AccessDenied", "a.toml"));

        var act = () => new S3DefinitionSource(store).ReadAsync();

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.AccessDenied);
    }

    [Test]
    public async Task ReadAsync_ObjectVanishesBetweenListAndRead_ThrowsNoSuchKeyNamingTheKey()
    {
        var store = Store();
        store.ListAsync("", Arg.Any<CancellationToken>()).Returns(["a.toml"]);
        store.TryReadAsync("a.toml", Arg.Any<CancellationToken>()).Returns((byte[]?)null);

        var e = (await FluentActions.Awaiting(() => new S3DefinitionSource(store).ReadAsync()).Should().ThrowAsync<S3GatewayException>()).Which;

        e.Should().BeEquivalentTo(new { Kind = S3ErrorKind.NoSuchKey, Operation = S3Operations.GetObject, Bucket = "defs", Key = "lifecycle/a.toml", StatusCode = 404 });
    }

    private static IEndpointStore Store()
    {
        var store = Substitute.For<IEndpointStore>();
        store.Location.Returns(EndpointLocation.S3("defs", "lifecycle/"));
        store.Describe(Arg.Any<string>()).Returns(c => "s3://defs/lifecycle/" + c.Arg<string>());
        return store;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
