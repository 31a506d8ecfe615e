using LakeCircle.Core.Planning;
using LakeCircle.Core.Workflows;

namespace LakeCircle.Core.Tests.Recovery;

public sealed class CompositeWriteObserverTests
{
    private static readonly BucketPlan Plan = new() { Bucket = "b", Status = BucketStatus.Change, Action = BucketAction.Delete };

    [Test]
    public async Task Steps_RunBeforeInOrderAndAfterInReverse()
    {
        var calls = new List<string>();
        var composite = new CompositeWriteObserver(new Named("archive", calls), null, new Named("verify", calls));

        await composite.BeforeWriteAsync(Plan, CancellationToken.None);
        await composite.AfterWriteAsync(Plan, CancellationToken.None);

        calls.Should().Equal("archive:before", "verify:before", "verify:after", "archive:after");
        composite.Observers.Should().HaveCount(2);
    }

    [Test]
    public async Task AfterWriteAsync_InnerStepThrows_OuterStepDoesNotRun()
    {
        var calls = new List<string>();
        var composite = new CompositeWriteObserver(new Named("archive", calls), new Named("verify", calls, fail: true));

        var act = () => composite.AfterWriteAsync(Plan, CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>();
        calls.Should().Equal("verify:after");
    }

    [Test]
    public async Task AfterWriteAsync_InnerStepNotVisible_OuterStepStillRunsThenItIsThrown()
    {
        var calls = new List<string>();
        var notVisible = new WriteNotVisibleException("b", "applied, not yet visible after 10 s");
        var composite = new CompositeWriteObserver(new Named("archive", calls), new Named("verify", calls, failure: notVisible));

        var act = () => composite.AfterWriteAsync(Plan, CancellationToken.None);

        (await act.Should().ThrowAsync<WriteNotVisibleException>()).Which.Should().BeSameAs(notVisible);
        calls.Should().Equal("verify:after", "archive:after");
    }

    private sealed class Named(string name, List<string> calls, bool fail = false, Exception? failure = null) : IBucketWriteObserver
    {
        public Task BeforeWriteAsync(BucketPlan plan, CancellationToken cancellationToken)
        {
            calls.Add(name + ":before");
            return Task.CompletedTask;
        }

        public Task AfterWriteAsync(BucketPlan plan, CancellationToken cancellationToken)
        {
            calls.Add(name + ":after");
            return failure is not null ? throw failure : fail ? throw new InvalidOperationException("not as written") : Task.CompletedTask;
        }
    }
}
