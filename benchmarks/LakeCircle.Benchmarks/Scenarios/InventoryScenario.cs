using System.Diagnostics;
using System.Globalization;
using System.Text;
using LakeCircle.Benchmarks.Harness;
using LakeCircle.Core.Impact;
using LakeCircle.Core.Impact.Inventory;
using LakeCircle.Core.Model;
using nietras.SeparatedValues;

namespace LakeCircle.Benchmarks.Scenarios;

/// <summary>
/// Impact over an S3 Inventory report: 10,000,000 CSV rows of a versioned bucket (1 to 3 versions per key, under four
/// prefixes) generated as a stream of bytes in memory — never held whole — and read by the real CSV path
/// (<see cref="InventoryReader"/>, Sep), grouped into versions and evaluated under a current and a desired configuration.
/// Side by side in the same run: the baseline (Sep alone splitting the same bytes, no decoding or evaluation) and the
/// read alone (rows and versions, no evaluation). Targets for the whole impact: under 60 s and 300 MB peak working set.
/// </summary>
internal sealed class InventoryScenario : IScenario
{
    private const long Rows = 10_000_000;
    private const double TargetSeconds = 60;
    private const long TargetPeakBytes = 300L * 1000 * 1000;

    private static readonly string[] Columns = ["Bucket", "Key", "VersionId", "IsLatest", "IsDeleteMarker", "Size", "LastModifiedDate", "StorageClass"];

    public string Name => "inventory";

    public async Task RunAsync(Report report, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var columns = InventoryColumns.Of(Columns, "generated");
        var now = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        Run(report, "sep-baseline", () =>
        {
            using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true }).From(new GeneratedInventoryStream(Rows));
            long rows = 0, bytes = 0;
            foreach (var row in reader)
            {
                rows++;
                bytes += long.TryParse(row[5].Span, CultureInfo.InvariantCulture, out var size) ? size : 0;
            }

            return bytes >= 0 ? rows : 0;
        });

        Run(report, "read", () =>
        {
            long versions = 0;
            var grouper = new VersionGrouper(_ => versions++, listsVersions: true);
            InventoryReader.ReadCsv(new GeneratedInventoryStream(Rows), "generated", columns, grouper.Add, cancellationToken);
            grouper.Complete();
            return versions;
        });

        InventoryImpactReport? result = null;
        Run(report, "impact", () =>
        {
            var aggregator = new InventoryAggregator(Current, Desired, BucketVersioning.Enabled, now);
            var grouper = new VersionGrouper(aggregator.Add, listsVersions: true);
            InventoryReader.ReadCsv(new GeneratedInventoryStream(Rows), "generated", columns, grouper.Add, cancellationToken);
            grouper.Complete();
            result = aggregator.ToReport("bench", configurationChanges: true);
            return result.Scanned.Objects;
        }, targets: true);
        report.Note(string.Create(CultureInfo.InvariantCulture,
            $"inventory: {result!.FateChanged.Objects:N0} fates change, deleted within 30 days {result.Current.Horizons[2].Deleted.Objects:N0} now and {result.Desired.Horizons[2].Deleted.Objects:N0} desired, {result.Desired.DependsOnTags.Objects:N0} depend on tags"));
        await Task.CompletedTask;
    }

    private void Run(Report report, string variant, Func<long> run, bool targets = false)
    {
        PeakMemory.Reset();
        var stopwatch = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var count = run();
        stopwatch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: false) - allocated;
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var peak = PeakMemory.Read();
        var rowsPerSecond = Rows / seconds;
        var figures = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["rows"] = Rows,
            ["counted"] = count,
            ["wallSeconds"] = Math.Round(seconds, 2),
            ["rowsPerSecond"] = Math.Round(rowsPerSecond),
            ["peakWorkingSetBytes"] = peak,
            ["allocatedBytesPerRow"] = allocated / Rows,
        };
        var verdict = "";
        if (targets)
        {
            var met = seconds < TargetSeconds && peak < TargetPeakBytes;
            figures["targetSeconds"] = TargetSeconds;
            figures["targetPeakBytes"] = TargetPeakBytes;
            figures["targetsMet"] = met;
            verdict = string.Create(CultureInfo.InvariantCulture, $"  target < {TargetSeconds:0} s and < 300 MB: {(met ? "met" : "MISSED")}");
        }

        report.Add(new ScenarioResult(Name, variant, string.Create(CultureInfo.InvariantCulture,
            $"{Format.Count(Rows)} rows  {Format.Count(rowsPerSecond)} rows/s  {seconds:0.0} s  peak working set {Format.MiB(peak)}  {Format.Bytes(allocated / (double)Rows)}/row{verdict}"), figures));
    }

    /// <summary>The bucket's configuration now: logs kept 90 days, backups tiered down, noncurrent versions kept 30 days.</summary>
    private static readonly LifecycleConfiguration Current = LifecycleConfiguration.Of(
        new LifecycleRule { Id = "logs", Filter = new LifecycleFilter { Prefix = "logs/" }, Expiration = new LifecycleExpiration { Days = 90 } },
        new LifecycleRule
        {
            Id = "nightly",
            Filter = new LifecycleFilter { Prefix = "nightly/" },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = "GLACIER_IR" }, new LifecycleTransition { Days = 90, StorageClass = "DEEP_ARCHIVE" }),
            Expiration = new LifecycleExpiration { Days = 365 },
        },
        new LifecycleRule { Id = "noncurrent", Filter = LifecycleFilter.MatchAll, NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 30 } });

    /// <summary>The definition: logs kept 30 days, backups longer, tmp/ by tag, noncurrent versions: 3 kept, then 7 days.</summary>
    private static readonly LifecycleConfiguration Desired = LifecycleConfiguration.Of(
        new LifecycleRule { Id = "logs", Filter = new LifecycleFilter { Prefix = "logs/" }, Expiration = new LifecycleExpiration { Days = 30 } },
        new LifecycleRule
        {
            Id = "nightly",
            Filter = new LifecycleFilter { Prefix = "nightly/" },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = "GLACIER_IR" }, new LifecycleTransition { Days = 180, StorageClass = "DEEP_ARCHIVE" }),
            Expiration = new LifecycleExpiration { Days = 2555 },
        },
        new LifecycleRule
        {
            Id = "tmp-tagged",
            Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "tmp/", Tags = ValueList.Of(new LifecycleTag("expire", "yes")) } },
            Expiration = new LifecycleExpiration { Days = 1 },
        },
        new LifecycleRule
        {
            Id = "noncurrent",
            Filter = LifecycleFilter.MatchAll,
            NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 7, NewerNoncurrentVersions = 3 },
        });

    /// <summary>
    /// CSV inventory rows as S3 writes them (every field quoted, no header), made on demand: key after key, each with 1 to 3
    /// versions newest first, the first current; the stream holds one row at a time.
    /// </summary>
    private sealed class GeneratedInventoryStream(long rows) : Stream
    {
        private static readonly string[] Prefixes = ["logs/", "data/", "tmp/", "nightly/"];
        private static readonly string[] Classes = ["STANDARD", "STANDARD", "STANDARD_IA", "GLACIER_IR"];
        private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private readonly byte[] _row = new byte[512];
        private long _written;
        private long _key;
        private int _versionsLeft;
        private int _versionIndex;
        private int _rowLength;
        private int _rowOffset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var total = 0;
            while (total < buffer.Length)
            {
                if (_rowOffset == _rowLength)
                {
                    if (_written == rows)
                    {
                        break;
                    }

                    NextRow();
                }

                var n = Math.Min(buffer.Length - total, _rowLength - _rowOffset);
                _row.AsSpan(_rowOffset, n).CopyTo(buffer[total..]);
                _rowOffset += n;
                total += n;
            }

            return total;
        }

        private void NextRow()
        {
            if (_versionsLeft == 0)
            {
                _key++;
                _versionsLeft = 1 + (int)(Mix(_key) % 3);
                _versionIndex = 0;
            }

            var hash = Mix((_key * 7) + _versionIndex);
            var prefix = Prefixes[_key % Prefixes.Length];
            var created = Start.AddMinutes(((_key * 37) % 700_000) + ((_versionsLeft - 1) * 1440 * 5));
            var size = (long)(hash % 50_000_000);
            var storageClass = Classes[hash % (ulong)Classes.Length];
            var marker = _versionIndex == 0 && hash % 50 == 0;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"\"bench\",\"{prefix}object%20{_key:D9}.bin\",\"v{_versionIndex}\",\"{(_versionIndex == 0 ? "true" : "false")}\",\"{(marker ? "true" : "false")}\",\"{(marker ? "" : size.ToString(CultureInfo.InvariantCulture))}\",\"{created:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"{storageClass}\"\n");
            _rowLength = Encoding.UTF8.GetBytes(text, _row);
            _rowOffset = 0;
            _versionsLeft--;
            _versionIndex++;
            _written++;
        }

        private static ulong Mix(long value)
        {
            var x = (ulong)value * 0x9E3779B97F4A7C15UL;
            x ^= x >> 29;
            return x * 0xBF58476D1CE4E5B9UL;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
