using System.Text;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace LakeCircle.Core.Tests.Definitions;

public class S3DefinitionSourceTests
{
    [Test]
    public async Task ReadAsync_TomlObjects_ReadInKeyOrderWithS3Paths()
    {
        var gateway = Substitute.For<IS3Gateway>();
        gateway.ListObjectsAsync("defs", "lifecycle/", Arg.Any<CancellationToken>())
            .Returns(["lifecycle/b.toml", "lifecycle/README.md", "lifecycle/a.TOML", "lifecycle/team/c.toml"]);
        gateway.GetObjectAsync("defs", Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => Encoding.UTF8.GetBytes("# " + call.ArgAt<string>(1)));

        var documents = await new S3DefinitionSource(gateway, "defs", "lifecycle/").ReadAsync();

        documents.Select(d => d.Path).Should().Equal("s3://defs/lifecycle/a.TOML", "s3://defs/lifecycle/b.toml", "s3://defs/lifecycle/team/c.toml");
        documents.Select(d => Encoding.UTF8.GetString(d.Content.Span)).Should().Equal("# lifecycle/a.TOML", "# lifecycle/b.toml", "# lifecycle/team/c.toml");
        await gateway.DidNotReceive().GetObjectAsync("defs", "lifecycle/README.md", Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task ReadAsync_ManyObjects_ReadsAFewAtATime()
    {
        var gateway = Substitute.For<IS3Gateway>();
        var keys = Enumerable.Range(0, 40).Select(i => $"k{i:00}.toml").ToArray();
        gateway.ListObjectsAsync("defs", "", Arg.Any<CancellationToken>()).Returns(keys);
        var inFlight = 0;
        var maxInFlight = 0;
        gateway.GetObjectAsync("defs", Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(async _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Yield();
            await Task.Delay(1);
            Interlocked.Decrement(ref inFlight);
            return Array.Empty<byte>();
        });

        var documents = await new S3DefinitionSource(gateway, "defs", "").ReadAsync();

        documents.Should().HaveCount(40);
        documents.Select(d => d.Path).Should().BeInAscendingOrder(StringComparer.Ordinal);
        maxInFlight.Should().BeInRange(1, S3DefinitionSource.MaxConcurrentReads);
    }

    [Test]
    public async Task ReadAsync_ReadFails_ThrowsTheGatewayException()
    {
        var gateway = Substitute.For<IS3Gateway>();
        gateway.ListObjectsAsync("defs", "", Arg.Any<CancellationToken>()).Returns(["a.toml"]);
        gateway.GetObjectAsync("defs", "a.toml", Arg.Any<CancellationToken>())
            .ThrowsAsync(new S3GatewayException(S3ErrorKind.AccessDenied, "GetObject", "defs", "Access Denied", 403, "AccessDenied", "a.toml"));

        var act = () => new S3DefinitionSource(gateway, "defs", "").ReadAsync();

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.AccessDenied);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
