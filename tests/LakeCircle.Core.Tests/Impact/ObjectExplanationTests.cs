using LakeCircle.Core.Gateways;
using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Impact;

/// <summary><see cref="LakeCircleClient.ExplainAsync"/> and its text: one object's schedule now and after a sync.</summary>
public sealed class ObjectExplanationTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ObjectVersion LogFile = new() { Key = "logs/a.log", Size = 1000, Created = Created };

    [Test]
    public async Task ExplainAsync_ShorterExpiration_BothSchedulesWithTheirRules()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("a-bucket", LifecycleConfiguration.Of(Rule("expire", "logs/", 30)));
        await using var client = TestClient.Create(gateway, Source(Toml("a-bucket", ("expire", "logs/", 7))));

        var explanation = await client.ExplainAsync("a-bucket", LogFile);

        explanation.Succeeded.Should().BeTrue();
        explanation.Status.Should().Be(BucketStatus.Change);
        explanation.Current!.Deletion!.Date.Should().Be(Created.AddDays(30));
        explanation.Current.Deletion.RuleId.Should().Be("expire");
        explanation.Desired!.Deletion!.Date.Should().Be(Created.AddDays(7));
        explanation.ScheduleChanges.Should().BeTrue();
    }

    [Test]
    public async Task ExplainAsync_DefinitionWithoutRules_DesiredNeverDeletes()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("a-bucket", LifecycleConfiguration.Of(Rule("expire", "logs/", 30)));
        await using var client = TestClient.Create(gateway, Source(Toml("a-bucket")));

        var explanation = await client.ExplainAsync("a-bucket", LogFile);

        explanation.Desired!.Actions.Should().BeEmpty();
        explanation.Current!.Deletion.Should().NotBeNull();
    }

    [Test]
    public async Task ExplainAsync_InSync_SameScheduleOnBothSides()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("a-bucket", LifecycleConfiguration.Of(Rule("expire", "logs/", 30)));
        await using var client = TestClient.Create(gateway, Source(Toml("a-bucket", ("expire", "logs/", 30))));

        var explanation = await client.ExplainAsync("a-bucket", LogFile);

        explanation.Status.Should().Be(BucketStatus.InSync);
        explanation.ScheduleChanges.Should().BeFalse();
        explanation.Desired!.Actions.Should().Equal(explanation.Current!.Actions);
    }

    [Test]
    public async Task ExplainAsync_Unmanaged_CurrentOnly()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("other-bucket", LifecycleConfiguration.Of(Rule("expire", "logs/", 30)));
        await using var client = TestClient.Create(gateway, Source(Toml("a-bucket")));

        var explanation = await client.ExplainAsync("other-bucket", LogFile);

        explanation.Status.Should().Be(BucketStatus.Unmanaged);
        explanation.Succeeded.Should().BeTrue();
        explanation.Current!.Deletion!.RuleId.Should().Be("expire");
        explanation.Desired.Should().BeNull();
    }

    [Test]
    public async Task ExplainAsync_UnmanagedInAnotherRegion_Explained()
    {
        var gateway = new InMemoryS3Gateway("eu-west-1").AddBucket("sydney-bucket", "ap-southeast-2")
            .SetLifecycle("sydney-bucket", LifecycleConfiguration.Of(Rule("expire", "logs/", 30)));
        await using var client = TestClient.Create(gateway, Source(Toml("a-bucket")));

        var explanation = await client.ExplainAsync("sydney-bucket", LogFile);

        explanation.Status.Should().Be(BucketStatus.Unmanaged);
        explanation.Current!.Deletion!.RuleId.Should().Be("expire");
    }

    [Test]
    public async Task ExplainAsync_DefinedOutsideTheRunsRegions_SaysWhereAndReadsNothing()
    {
        var gateway = new InMemoryS3Gateway("eu-west-1").AddBucket("a-bucket", "ap-southeast-2");
        var options = TestClient.Options();
        options.Regions.Add("eu-west-1");
        await using var client = TestClient.Create(gateway, Source(Toml("a-bucket", ("r", "r/", 1))), options: options);

        var explanation = await client.ExplainAsync("a-bucket", LogFile);

        explanation.Status.Should().Be(BucketStatus.OtherRegion);
        explanation.Error.Should().Be("The bucket 'a-bucket' is in region ap-southeast-2, outside this run's regions (eu-west-1): it is not read.");
        gateway.CallCount(S3Operations.GetBucketLifecycleConfiguration).Should().Be(0);
    }

    [Test]
    public async Task ExplainAsync_NotInTheAccount_Error()
    {
        await using var client = TestClient.Create(new InMemoryS3Gateway(), Source(Toml("a-bucket")));

        var undefined = await client.ExplainAsync("nowhere", LogFile);
        var defined = await client.ExplainAsync("a-bucket", LogFile);

        undefined.Status.Should().Be(BucketStatus.Missing);
        undefined.Error.Should().Be("The bucket 'nowhere' is not in the account and has no definition.");
        defined.Status.Should().Be(BucketStatus.Missing);
        defined.Error.Should().Be("The bucket 'a-bucket' is defined but not in the account.");
        defined.Current.Should().BeNull();
    }

    [Test]
    public async Task ExplainAsync_InvalidDefinitions_Error()
    {
        await using var client = TestClient.Create(new InMemoryS3Gateway(), Source(("bad.toml", "BucketName = 3\n")));

        var explanation = await client.ExplainAsync("a-bucket", LogFile);

        explanation.Succeeded.Should().BeFalse();
        explanation.Error.Should().Contain("problems in the definitions: bad.toml:1:");
        explanation.Diagnostics.Should().Contain(d => d.IsError);
    }

    [Test]
    public void ToText_UnknownTagsAndHostileRule_NoteAndEscapes()
    {
        var version = LogFile with { Tags = null };
        var schedule = new ObjectSchedule
        {
            Object = version,
            Actions = new[] { new ScheduledAction { Kind = ScheduledActionKind.Delete, Date = Created.AddDays(31), RuleId = "ex\u001bpire" } }.ToValueList(),
            DependsOnTags = new[] { "tagged" }.ToValueList(),
        };
        var explanation = new ObjectExplanation { Bucket = "a-bucket", Object = version, Status = BucketStatus.InSync, Current = schedule, Desired = schedule };

        var text = TextExplanationRenderer.ToText(explanation, Created.AddDays(40));

        text.Should().Contain("2026-02-01 (past)  permanently deleted, rule \"ex\\x1bpire\"");
        text.Should().Contain("Note: the object's tags were not given; 1 rule with tag filters (rule \"tagged\") may apply and is left out.");
        text.Should().NotContain("\u001b");
    }

    [Test]
    public void ToText_Color_DestructiveStatusInRedChangedRowsYellow()
    {
        var keep = new ObjectSchedule { Object = LogFile };
        var delete = keep with
        {
            Actions = new[] { new ScheduledAction { Kind = ScheduledActionKind.Delete, Date = Created.AddDays(8), RuleId = "expire" } }.ToValueList(),
        };
        var explanation = new ObjectExplanation { Bucket = "a-bucket", Object = LogFile, Status = BucketStatus.Change, Current = keep, Desired = delete };

        var text = TextExplanationRenderer.ToText(explanation, Created, color: true);

        text.Should().Contain("\u001b[1;31mBucket a-bucket: a sync deletes this object sooner.\u001b[0m");
        text.Should().Contain("\u001b[33m2026-01-09  -");
        text.Should().Contain("never       never permanently deleted  -");
    }
}
