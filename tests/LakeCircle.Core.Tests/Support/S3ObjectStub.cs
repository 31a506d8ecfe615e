using System.Globalization;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using NSubstitute;

namespace LakeCircle.Core.Tests.Support;

/// <summary>
/// The object calls of an <see cref="IAmazonS3"/> answered from memory, as S3 answers them: pages of
/// <see cref="PageSize"/> keys with continuation tokens, <c>NoSuchKey</c> for a missing object, <c>NoSuchBucket</c> for
/// an unknown bucket, 412 <c>PreconditionFailed</c> for an exclusive create of an existing key, and no error for deleting
/// a missing object. <see cref="AfterPut"/> may fail a PUT after it was stored (a lost answer). Thread-safe.
/// </summary>
internal sealed class S3ObjectStub
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, byte[]>> _buckets = new(StringComparer.Ordinal);

    public S3ObjectStub(params string[] buckets)
    {
        foreach (var bucket in buckets)
        {
            _buckets[bucket] = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        }

        Client.ListObjectsV2Async(Arg.Any<ListObjectsV2Request>(), Arg.Any<CancellationToken>()).Returns(c => List(c.Arg<ListObjectsV2Request>()));
        Client.GetObjectAsync(Arg.Any<GetObjectRequest>(), Arg.Any<CancellationToken>()).Returns(c => Get(c.Arg<GetObjectRequest>()));
        Client.PutObjectAsync(Arg.Any<PutObjectRequest>(), Arg.Any<CancellationToken>()).Returns(c => Put(c.Arg<PutObjectRequest>()));
        Client.DeleteObjectAsync(Arg.Any<DeleteObjectRequest>(), Arg.Any<CancellationToken>()).Returns(c => Delete(c.Arg<DeleteObjectRequest>()));
    }

    public IAmazonS3 Client { get; } = Substitute.For<IAmazonS3>();

    /// <summary>How many keys a list page holds at most (S3: 1000).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Called after a PUT was stored; an exception it returns is thrown as the PUT's answer.</summary>
    public Func<PutObjectRequest, Exception?>? AfterPut { get; set; }

    /// <summary>Stores an object (the bucket is added when missing).</summary>
    public S3ObjectStub Set(string bucket, string key, ReadOnlySpan<byte> content)
    {
        lock (_gate)
        {
            Bucket(bucket, create: true)[key] = content.ToArray();
        }

        return this;
    }

    /// <summary>Every key of a bucket, in ordinal order.</summary>
    public IReadOnlyList<string> Keys(string bucket)
    {
        lock (_gate)
        {
            return [.. Bucket(bucket, create: false).Keys];
        }
    }

    private Task<ListObjectsV2Response> List(ListObjectsV2Request request)
    {
        lock (_gate)
        {
            var keys = Bucket(request.BucketName, create: false).Keys.Where(k => k.StartsWith(request.Prefix ?? "", StringComparison.Ordinal)).ToList();
            var start = request.ContinuationToken is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
            var size = Math.Min(PageSize, request.MaxKeys ?? PageSize);
            var page = keys.Skip(start).Take(size).ToList();
            var truncated = start + page.Count < keys.Count;
            return Task.FromResult(new ListObjectsV2Response
            {
                S3Objects = [.. page.Select(k => new S3Object { Key = k })],
                IsTruncated = truncated,
                NextContinuationToken = truncated ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null,
            });
        }
    }

    private Task<GetObjectResponse> Get(GetObjectRequest request)
    {
        lock (_gate)
        {
            return Bucket(request.BucketName, create: false).TryGetValue(request.Key, out var content)
                ? Task.FromResult(new GetObjectResponse { ResponseStream = new MemoryStream(content.ToArray()), HttpStatusCode = HttpStatusCode.OK })
                : throw Error("The specified key does not exist.", "NoSuchKey", HttpStatusCode.NotFound);
        }
    }

    private async Task<PutObjectResponse> Put(PutObjectRequest request)
    {
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        lock (_gate)
        {
            var objects = Bucket(request.BucketName, create: false);
            if (request.IfNoneMatch == "*" && objects.ContainsKey(request.Key))
            {
                throw Error("At least one of the pre-conditions you specified did not hold", "PreconditionFailed", HttpStatusCode.PreconditionFailed);
            }

            objects[request.Key] = buffer.ToArray();
        }

        if (AfterPut?.Invoke(request) is { } failure)
        {
            throw failure;
        }

        return new PutObjectResponse { HttpStatusCode = HttpStatusCode.OK };
    }

    private Task<DeleteObjectResponse> Delete(DeleteObjectRequest request)
    {
        lock (_gate)
        {
            Bucket(request.BucketName, create: false).Remove(request.Key);
        }

        return Task.FromResult(new DeleteObjectResponse { HttpStatusCode = HttpStatusCode.NoContent });
    }

    private SortedDictionary<string, byte[]> Bucket(string name, bool create)
    {
        if (!_buckets.TryGetValue(name, out var objects))
        {
            if (!create)
            {
                throw Error("The specified bucket does not exist", "NoSuchBucket", HttpStatusCode.NotFound);
            }

            _buckets[name] = objects = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        }

        return objects;
    }

    internal static AmazonS3Exception Error(string message, string code, HttpStatusCode status) =>
        new(message, ErrorType.Sender, code, "req", status);
}
