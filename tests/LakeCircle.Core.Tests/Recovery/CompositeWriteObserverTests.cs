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

    private sealed class Named(string name, List<string> calls, bool fail = false) : IBucketWriteObserver
    {
        public Task BeforeWriteAsync(BucketPlan plan, CancellationToken cancellationToken)
        {
            calls.Add(name + ":before");
            return Task.CompletedTask;
        }

        public Task AfterWriteAsync(BucketPlan plan, CancellationToken cancellationToken)
        {
            calls.Add(name + ":after");
            return fail ? throw new InvalidOperationException("not as written") : Task.CompletedTask;
        }
    }
}
