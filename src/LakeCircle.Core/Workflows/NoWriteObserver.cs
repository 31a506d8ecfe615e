using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Workflows;

/// <summary>The default <see cref="IBucketWriteObserver"/>: does nothing around writes.</summary>
internal sealed class NoWriteObserver : IBucketWriteObserver
{
    public static NoWriteObserver Instance { get; } = new();

    private NoWriteObserver()
    {
    }

    public Task BeforeWriteAsync(BucketPlan plan, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AfterWriteAsync(BucketPlan plan, CancellationToken cancellationToken) => Task.CompletedTask;
}
