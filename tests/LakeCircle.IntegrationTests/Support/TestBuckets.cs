using System.Collections.Concurrent;
using System.Globalization;
using Amazon.S3;
using Amazon.S3.Model;

namespace LakeCircle.IntegrationTests.Support;

/// <summary>
/// Creates uniquely named buckets for the tests (one run prefix, a counter) and removes them, with their objects and
/// lifecycle configurations, when the run ends.
/// </summary>
public sealed class TestBuckets : IAsyncDisposable
{
    private readonly IAmazonS3 _client;
    private readonly string _runPrefix = "lcit-" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
    private readonly ConcurrentBag<string> _created = [];
    private int _counter;

    public TestBuckets(IAmazonS3 client) => _client = client;

    /// <summary>A new unique bucket name (not created).</summary>
    public string NewName(string purpose) =>
        $"{_runPrefix}-{purpose}-{Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}".ToLowerInvariant();

    /// <summary>Creates a new uniquely named bucket and returns its name.</summary>
    public async Task<string> CreateAsync(string purpose)
    {
        var name = NewName(purpose);
        await _client.PutBucketAsync(new PutBucketRequest { BucketName = name });
        _created.Add(name);
        return name;
    }

    /// <summary>Creates <paramref name="count"/> buckets, a few at a time.</summary>
    public async Task<IReadOnlyList<string>> CreateManyAsync(string purpose, int count)
    {
        var names = Enumerable.Range(0, count).Select(_ => NewName(purpose)).ToArray();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, token) =>
        {
            await _client.PutBucketAsync(new PutBucketRequest { BucketName = name }, token);
            _created.Add(name);
        });
        return names;
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_created, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (bucket, token) =>
        {
            try
            {
                await EmptyAsync(bucket, token);
                await _client.DeleteBucketAsync(new DeleteBucketRequest { BucketName = bucket }, token);
            }
            catch (AmazonS3Exception e)
            {
                await TestContext.Progress.WriteLineAsync($"cleanup of bucket {bucket} failed: {e.ErrorCode} {e.Message}");
            }
        });
        _client.Dispose();
    }

    private async Task EmptyAsync(string bucket, CancellationToken token)
    {
        string? continuation = null;
        do
        {
            var page = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, ContinuationToken = continuation }, token);
            var keys = (page.S3Objects ?? []).Select(o => new KeyVersion { Key = o.Key }).ToList();
            if (keys.Count > 0)
            {
                await _client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = keys }, token);
            }

            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }
}
