using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Workflows;
using NSubstitute;

namespace LakeCircle.Core.Tests.Workflows;

public sealed class WriteVerifierTests
{
    private static readonly LifecycleRule Old = new() { Id = "old", Filter = new LifecycleFilter { Prefix = "old/" }, Expiration = new LifecycleExpiration { Days = 9 } };

    private static readonly LifecycleRule Large = new()
    {
        Id = "large",
        Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "big/", ObjectSizeGreaterThan = 1_073_741_824 } },
        Expiration = new LifecycleExpiration { Days = 30 },
        NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 5, NewerNoncurrentVersions = 3 },
    };

    private static WriteVerifier Verifier(IS3Gateway gateway) => new(gateway, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(5));

    private static BucketPlan PutPlan(LifecycleConfiguration? actual, LifecycleConfiguration toPut) =>
        new() { Bucket = "b", Status = BucketStatus.Change, Action = BucketAction.Put, Actual = actual, Desired = toPut, ConfigurationToPut = toPut };

    /// <summary>A server that drops size filters and NewerNoncurrentVersions, as Ceph 16.2 does.</summary>
    private static LifecycleConfiguration Dropped(LifecycleConfiguration c) => c with
    {
        Rules = c.Rules.Select(r => r with
        {
            Filter = r.Filter?.And is { } and ? new LifecycleFilter { Prefix = and.Prefix } : r.Filter,
            NoncurrentVersionExpiration = r.NoncurrentVersionExpiration is { } n ? n with { NewerNoncurrentVersions = null } : null,
        }).ToValueList(),
    };

    private static IS3Gateway Dropping(InMemoryS3Gateway inner)
    {
        var gateway = Substitute.For<IS3Gateway>();
        gateway.GetLifecycleAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(c => inner.GetLifecycleAsync(c.ArgAt<string>(0)));
        gateway.DeleteLifecycleAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(c => inner.DeleteLifecycleAsync(c.ArgAt<string>(0)));
        gateway.PutLifecycleAsync(Arg.Any<string>(), Arg.Any<LifecycleConfiguration>(), Arg.Any<CancellationToken>())
            .Returns(c => inner.PutLifecycleAsync(c.ArgAt<string>(0), Dropped(c.ArgAt<LifecycleConfiguration>(1))));
        return gateway;
    }

    [Test]
    public async Task AfterWriteAsync_StoredAsSentInAnotherShape_Succeeds()
    {
        var memory = new InMemoryS3Gateway().AddBucket("b");
        var sent = LifecycleConfiguration.Of(new LifecycleRule { Id = "x", Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "p/" } }, Expiration = new LifecycleExpiration { Days = 1 } });
        memory.SetLifecycle("b", LifecycleConfiguration.Of(sent.Rules[0] with { Filter = null, Prefix = "p/" }));

        var act = () => Verifier(memory).AfterWriteAsync(PutPlan(null, sent), CancellationToken.None);

        await act.Should().NotThrowAsync();
    }

    [Test]
    public async Task AfterWriteAsync_ServerDropsFields_FailsNamingThemAndRestoresPrevious()
    {
        var memory = new InMemoryS3Gateway().AddBucket("b").SetLifecycle("b", LifecycleConfiguration.Of(Old));
        var previous = await memory.GetLifecycleAsync("b");
        var gateway = Dropping(memory);
        var sent = LifecycleConfiguration.Of(Large);
        await gateway.PutLifecycleAsync("b", sent);

        var act = () => Verifier(gateway).AfterWriteAsync(PutPlan(previous, sent), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<WriteVerificationException>()).Which;
        error.Message.Should().Contain("Filter.ObjectSizeGreaterThan: 1073741824 -> (none)")
            .And.Contain("NoncurrentVersionExpiration.NewerNoncurrentVersions: 3 -> (none)")
            .And.Contain("previous configuration was restored");
        (await memory.GetLifecycleAsync("b"))!.Rules.Should().Equal(Old);
    }

    [Test]
    public async Task AfterWriteAsync_BucketHadNoConfiguration_DeletesWhatWasWritten()
    {
        var memory = new InMemoryS3Gateway().AddBucket("b");
        var gateway = Dropping(memory);
        var sent = LifecycleConfiguration.Of(Large);
        await gateway.PutLifecycleAsync("b", sent);

        var act = () => Verifier(gateway).AfterWriteAsync(PutPlan(null, sent), CancellationToken.None);

        (await act.Should().ThrowAsync<WriteVerificationException>()).Which.Message.Should().Contain("deleted");
        (await memory.GetLifecycleAsync("b")).Should().BeNull();
    }

    [Test]
    public async Task AfterWriteAsync_PreviousShowsFirst_PollsUntilTheWriteShows()
    {
        var sent = LifecycleConfiguration.Of(Large);
        var previous = LifecycleConfiguration.Of(Old);
        var gateway = Substitute.For<IS3Gateway>();
        gateway.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(previous, previous, previous, sent);

        await Verifier(gateway).AfterWriteAsync(PutPlan(previous, sent), CancellationToken.None);

        await gateway.Received(4).GetLifecycleAsync("b", Arg.Any<CancellationToken>());
        await gateway.DidNotReceiveWithAnyArgs().PutLifecycleAsync(default!, default!, default);
    }

    [Test]
    public async Task AfterWriteAsync_PreviousShowsUntilTimeout_FailsAndRestores()
    {
        var sent = LifecycleConfiguration.Of(Large);
        var previous = LifecycleConfiguration.Of(Old);
        var gateway = Substitute.For<IS3Gateway>();
        gateway.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(previous);
        var verifier = new WriteVerifier(gateway, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(5));

        var act = () => verifier.AfterWriteAsync(PutPlan(previous, sent), CancellationToken.None);

        (await act.Should().ThrowAsync<WriteVerificationException>()).Which.Message.Should().Contain("rule 'large': missing");
        await gateway.Received(1).PutLifecycleAsync("b", previous, Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task AfterWriteAsync_DeleteStillShowingRules_Fails()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var gateway = Substitute.For<IS3Gateway>();
        gateway.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(previous);
        var plan = new BucketPlan { Bucket = "b", Status = BucketStatus.Change, Action = BucketAction.Delete, Actual = previous, Desired = LifecycleConfiguration.Empty };
        var verifier = new WriteVerifier(gateway, TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(5));

        var act = () => verifier.AfterWriteAsync(plan, CancellationToken.None);

        (await act.Should().ThrowAsync<WriteVerificationException>()).Which.Message.Should().Contain("still there after the DELETE");
    }

    [Test]
    public async Task SyncAsync_ServerDropsSizeFilter_BucketFailsWithTheFieldAndKeepsItsConfiguration()
    {
        var memory = new InMemoryS3Gateway().AddBucket("logs").SetLifecycle("logs", LifecycleConfiguration.Of(Old));
        var before = await memory.GetLifecycleAsync("logs");
        var gateway = Dropping(memory);
        gateway.ListBucketsAsync(Arg.Any<CancellationToken>()).Returns(["logs"]);
        var toml = "BucketName = \"logs\"\n[[LifecycleConfiguration.Rules]]\nID = \"large\"\nStatus = \"Enabled\"\n" +
                   "Filter = { And = { Prefix = \"big/\", ObjectSizeGreaterThan = 1024 } }\nExpiration = { Days = 30 }\n";
        var definitions = Substitute.For<LakeCircle.Core.Definitions.IDefinitionSource>();
        definitions.ReadAsync(Arg.Any<CancellationToken>()).Returns([new LakeCircle.Core.Definitions.DefinitionDocument("logs.toml", System.Text.Encoding.UTF8.GetBytes(toml))]);
        var workflow = new LifecycleWorkflow(gateway, definitions, options: new WorkflowOptions { VerifyTimeout = TimeSpan.FromSeconds(2) });

        var outcome = await workflow.SyncAsync();

        outcome.Succeeded.Should().BeFalse();
        outcome.Buckets.Should().ContainSingle().Which.Error.Should().Contain("Filter.ObjectSizeGreaterThan: 1024 -> (none)");
        (await memory.GetLifecycleAsync("logs"))!.Rules.Should().Equal(before!.Rules);
    }
}
