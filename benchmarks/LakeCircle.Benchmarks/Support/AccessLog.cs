using System.Globalization;
using System.Text.RegularExpressions;

namespace LakeCircle.Benchmarks.Support;

/// <summary>
/// The calls a radosgw gateway served, counted by kind from its log: the beast frontend logs one line per request at
/// level 1 (radosgw's default), <c>beast: 0x…: 127.0.0.1 - user [date] "GET /bucket?lifecycle HTTP/1.1" 404 …</c>.
/// A mark remembers where the log ended; <see cref="CountSinceAsync"/> counts the requests logged after it.
/// </summary>
internal sealed partial class AccessLog(string path)
{
    public string Path { get; } = path;

    public long Mark() => File.Exists(Path) ? new FileInfo(Path).Length : 0;

    /// <summary>The requests logged since <paramref name="mark"/>, by kind, once the log has stopped growing.</summary>
    public async Task<SortedDictionary<string, int>> CountSinceAsync(long mark, CancellationToken cancellationToken)
    {
        // radosgw writes its log from a thread of its own: wait until the file has not grown for half a second.
        var length = -1L;
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(500, cancellationToken);
            var now = new FileInfo(Path).Length;
            if (now == length)
            {
                break;
            }

            length = now;
        }

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(mark, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (Request().Match(line) is { Success: true } match)
            {
                var kind = Kind(match.Groups["method"].Value, match.Groups["target"].Value);
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
            }
        }

        return counts;
    }

    public static string Describe(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Key} {c.Value.ToString("N0", CultureInfo.InvariantCulture)}"));

    /// <summary>The S3 operation of a request line (path-style addressing).</summary>
    public static string Kind(string method, string target)
    {
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        var parameters = query < 0 ? "" : target[(query + 1)..];
        var bucketOnly = path.Trim('/').Length > 0 && !path.Trim('/').Contains('/', StringComparison.Ordinal);
        var lifecycle = parameters.Split('&').Any(p => p == "lifecycle" || p.StartsWith("lifecycle=", StringComparison.Ordinal));
        return (method, path, bucketOnly, lifecycle) switch
        {
            ("GET", "/", _, _) => "ListBuckets",
            ("GET", _, true, true) => "GetBucketLifecycleConfiguration",
            ("PUT", _, true, true) => "PutBucketLifecycleConfiguration",
            ("DELETE", _, true, true) => "DeleteBucketLifecycle",
            ("HEAD", _, true, false) => "HeadBucket",
            ("GET", _, true, false) => "ListObjects",
            _ => method + " other",
        };
    }

    [GeneratedRegex("""beast: \S+ \S+ - \S* \[[^\]]*\] "(?<method>[A-Z]+) (?<target>\S+) HTTP/[0-9.]+" (?<status>\d{3})""")]
    private static partial Regex Request();
}
