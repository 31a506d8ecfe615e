using System.Globalization;
using System.IO.Compression;
using System.Net;
using nietras.SeparatedValues;
using Parquet;
using Parquet.Schema;

namespace LakeCircle.Core.Impact.Inventory;

/// <summary>
/// Streams the rows of an S3 Inventory report, file after file, to a sink: one row in memory at a time for CSV, one row
/// group for Parquet. CSV follows what S3 writes (https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-inventory.html):
/// every field quoted, no header row, gzip-compressed (<c>.csv.gz</c>) or not, keys URL-encoded (<c>+</c> for a blank),
/// <c>LastModifiedDate</c> in ISO 8601 (<c>2016-11-06T21:32:16.000Z</c>).
/// </summary>
internal static class InventoryReader
{
    private const int CancellationCheckEvery = 4096;

    /// <summary>Reads every row of <paramref name="source"/> in order and gives it to <paramref name="sink"/>.</summary>
    /// <exception cref="InvalidDataException">A malformed row: the message names the file, the line (row) and the column.</exception>
    public static async Task ReadAsync(InventorySource source, Action<InventoryRow> sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var file in source.Files)
        {
            if (source.Format == InventoryFormat.Parquet)
            {
                await ReadParquetAsync(file, sink, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Run(() => ReadCsv(file, source.Columns, sink, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads a CSV data file (gzip-compressed when it starts with gzip's magic bytes).</summary>
    internal static void ReadCsv(string file, InventoryColumns columns, Action<InventoryRow> sink, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = OpenCsv(file);
            ReadCsv(stream, file, columns, sink, cancellationToken);
        }
        catch (Exception e) when (!IsNamed(e) && e is not (OperationCanceledException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException))
        {
            // A damaged gzip stream, a read that failed: named by the file, never a stack trace.
            throw Named($"{file}: cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Reads CSV rows from a stream (already decompressed).</summary>
    internal static void ReadCsv(Stream stream, string file, InventoryColumns columns, Action<InventoryRow> sink, CancellationToken cancellationToken)
    {
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(stream);
        var count = 0L;
        foreach (var row in reader)
        {
            if (++count % CancellationCheckEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // S3 URL-encodes keys, so a row is a line: the row's number is its line number.
            long line = count;
            if (row.ColCount < columns.Count)
            {
                if (row.ColCount == 1 && row[0].Span.IsEmpty)
                {
                    continue;
                }

                throw Malformed(file, line, null, $"{row.ColCount} fields where the schema has {columns.Count} ({string.Join(", ", columns.Names)})");
            }

            var key = DecodeKey(row[columns.Key].Span);
            var size = columns.Size >= 0 ? ParseSize(row[columns.Size].Span, file, line, columns) : 0;
            var modified = ParseTime(row[columns.LastModifiedDate].Span, file, line, columns);
            var isLatest = columns.IsLatest < 0 || ParseBool(row[columns.IsLatest].Span, file, line, columns.Names[columns.IsLatest], defaultValue: true);
            var isDeleteMarker = columns.IsDeleteMarker >= 0 && ParseBool(row[columns.IsDeleteMarker].Span, file, line, columns.Names[columns.IsDeleteMarker], defaultValue: false);
            var storageClass = columns.StorageClass >= 0 ? StorageClassOf(row[columns.StorageClass].Span) : "STANDARD";
            sink(new InventoryRow(key, isLatest, isDeleteMarker, size, modified, storageClass, file, line));
        }
    }

    private static Stream OpenCsv(string file)
    {
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[2];
        var read = stream.Read(magic);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: false) : stream;
    }

    /// <summary>An object key as the CSV has it, URL-encoded (<c>%XX</c>, and <c>+</c> for a blank), decoded.</summary>
    internal static string DecodeKey(ReadOnlySpan<char> encoded) =>
        encoded.IndexOfAny('%', '+') < 0 ? new string(encoded) : WebUtility.UrlDecode(new string(encoded));

    private static long ParseSize(ReadOnlySpan<char> text, string file, long line, InventoryColumns columns)
    {
        if (text.IsEmpty)
        {
            return 0; // a delete marker has no size
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? size
            : throw Malformed(file, line, columns.Names[columns.Size], $"'{Shorten(text)}' is not a size in bytes");
    }

    private static DateTimeOffset ParseTime(ReadOnlySpan<char> text, string file, long line, InventoryColumns columns) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw Malformed(file, line, columns.Names[columns.LastModifiedDate], $"'{Shorten(text)}' is not an ISO 8601 time such as 2016-11-06T21:32:16.000Z");

    private static bool ParseBool(ReadOnlySpan<char> text, string file, long line, string column, bool defaultValue)
    {
        if (text.IsEmpty)
        {
            return defaultValue;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return text.Equals("false", StringComparison.OrdinalIgnoreCase)
            ? false
            : throw Malformed(file, line, column, $"'{Shorten(text)}' is not true or false");
    }

    /// <summary>The storage class, one shared string per known class.</summary>
    internal static string StorageClassOf(ReadOnlySpan<char> text) => text switch
    {
        "" or "STANDARD" => "STANDARD",
        "STANDARD_IA" => "STANDARD_IA",
        "ONEZONE_IA" => "ONEZONE_IA",
        "INTELLIGENT_TIERING" => "INTELLIGENT_TIERING",
        "GLACIER" => "GLACIER",
        "GLACIER_IR" => "GLACIER_IR",
        "DEEP_ARCHIVE" => "DEEP_ARCHIVE",
        "REDUCED_REDUNDANCY" => "REDUCED_REDUNDANCY",
        _ => new string(text),
    };

    /// <summary>The error of a malformed row: file, line (or row) and column.</summary>
    internal static InvalidDataException Malformed(string file, long line, string? column, string problem, string unit = "line") =>
        Named(column is null
            ? string.Create(CultureInfo.InvariantCulture, $"{file}: {unit} {line}: {problem}.")
            : string.Create(CultureInfo.InvariantCulture, $"{file}: {unit} {line}, column {column}: {problem}."));

    /// <summary>An error whose message already names the file (and the line and column when there is one).</summary>
    internal static InvalidDataException Named(string message, Exception? inner = null)
    {
        var exception = new InvalidDataException(message, inner);
        exception.Data[NamedKey] = true;
        return exception;
    }

    private const string NamedKey = "LakeCircle.Inventory.Named";

    internal static bool IsNamed(Exception e) => e.Data.Contains(NamedKey);

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? new string(text) : new string(text[..40]) + "…";

    private static async Task ReadParquetAsync(string file, Action<InventoryRow> sink, CancellationToken cancellationToken)
    {
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        await using var closing = stream.ConfigureAwait(false);
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException))
        {
            throw Named($"{file}: not a Parquet file: {e.Message}", e);
        }

        await using var closingReader = reader.ConfigureAwait(false);
        try
        {
            await ReadRowGroupsAsync(reader, file, sink, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!IsNamed(e) && e is not OperationCanceledException)
        {
            throw Named($"{file}: cannot be read: {e.Message}", e);
        }
    }

    private static async Task ReadRowGroupsAsync(ParquetReader reader, string file, Action<InventoryRow> sink, CancellationToken cancellationToken)
    {
        var fields = reader.Schema.GetDataFields();
        var columns = InventoryColumns.Of([.. fields.Select(f => f.Name)], file);
        var rowNumber = 0L;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var rows = reader.OpenRowGroupReader(group);
            var count = checked((int)rows.RowCount);
            var keys = await ColumnAsync(rows, fields[columns.Key], count, file, cancellationToken).ConfigureAwait(false);
            var sizes = await ColumnAsync(rows, fields[columns.Size], count, file, cancellationToken).ConfigureAwait(false);
            var times = await ColumnAsync(rows, fields[columns.LastModifiedDate], count, file, cancellationToken).ConfigureAwait(false);
            var latest = columns.IsLatest >= 0 ? await ColumnAsync(rows, fields[columns.IsLatest], count, file, cancellationToken).ConfigureAwait(false) : null;
            var markers = columns.IsDeleteMarker >= 0 ? await ColumnAsync(rows, fields[columns.IsDeleteMarker], count, file, cancellationToken).ConfigureAwait(false) : null;
            var classes = columns.StorageClass >= 0 ? await ColumnAsync(rows, fields[columns.StorageClass], count, file, cancellationToken).ConfigureAwait(false) : null;
            for (var i = 0; i < count; i++)
            {
                rowNumber++;
                var key = keys.Text(i) ?? throw Malformed(file, rowNumber, keys.Name, "no key", "row");
                var size = sizes.Number(i, file, rowNumber) ?? 0;
                var modified = times.Time(i, file, rowNumber) ?? throw Malformed(file, rowNumber, times.Name, "no time", "row");
                var isLatest = latest?.Flag(i, file, rowNumber) is not false;
                var isMarker = markers?.Flag(i, file, rowNumber) is true;
                var storageClass = classes?.Text(i) is { } c ? StorageClassOf(c) : "STANDARD";
                sink(new InventoryRow(key, isLatest, isMarker, size, modified, storageClass, file, rowNumber));
            }
        }
    }

    /// <summary>Whether the field holds text (Parquet.Net 6 gives strings as <c>ReadOnlyMemory&lt;char&gt;</c>).</summary>
    private static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    /// <summary>One column of a row group, in the one array its type needs (no boxing: a row group at a time stays small).</summary>
    private static async Task<ParquetColumn> ColumnAsync(ParquetRowGroupReader rows, DataField field, int count, string file, CancellationToken cancellationToken)
    {
        var column = new ParquetColumn(field.Name);
        var type = field.ClrType;
        if (IsText(field))
        {
            column.Strings = new string?[count];
            await rows.ReadAsync(field, column.Strings.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        }
        else if (type == typeof(long))
        {
            column.Longs = await NullableAsync<long>(rows, field, count, cancellationToken).ConfigureAwait(false);
        }
        else if (type == typeof(int))
        {
            column.Longs = [.. (await NullableAsync<int>(rows, field, count, cancellationToken).ConfigureAwait(false)).Select(v => (long?)v)];
        }
        else if (type == typeof(bool))
        {
            column.Bools = await NullableAsync<bool>(rows, field, count, cancellationToken).ConfigureAwait(false);
        }
        else if (type == typeof(DateTime))
        {
            column.Times = [.. (await NullableAsync<DateTime>(rows, field, count, cancellationToken).ConfigureAwait(false)).Select(t => t is { } v ? Utc(v) : (DateTimeOffset?)null)];
        }
        else if (type == typeof(DateTimeOffset))
        {
            column.Times = [.. (await NullableAsync<DateTimeOffset>(rows, field, count, cancellationToken).ConfigureAwait(false)).Select(t => t?.ToUniversalTime())];
        }
        else
        {
            throw Named($"{file}: column {field.Name}: Parquet type {type.Name} is not one an inventory has.");
        }

        return column;
    }

    private static DateTimeOffset Utc(DateTime time) =>
        time.Kind == DateTimeKind.Local ? new DateTimeOffset(time).ToUniversalTime() : new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static async Task<T?[]> NullableAsync<T>(ParquetRowGroupReader rows, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            await rows.ReadAsync(field, nullable.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return nullable;
        }

        var values = new T[count];
        await rows.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        var result = new T?[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    /// <summary>A row group's column: exactly one of the arrays is set.</summary>
    private sealed class ParquetColumn(string name)
    {
        public string Name { get; } = name;

        public string?[]? Strings { get; set; }

        public long?[]? Longs { get; set; }

        public bool?[]? Bools { get; set; }

        public DateTimeOffset?[]? Times { get; set; }

        public string? Text(int i) => Strings is not null ? Strings[i] : Longs?[i]?.ToString(CultureInfo.InvariantCulture) ?? Bools?[i]?.ToString();

        public long? Number(int i, string file, long row) =>
            Longs is not null ? Longs[i]
            : Strings is not null ? Strings[i] switch
            {
                null or "" => null,
                var s when long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                var s => throw Malformed(file, row, Name, $"'{s}' is not a size in bytes", "row"),
            }
            : throw Malformed(file, row, Name, "not a number", "row");

        public DateTimeOffset? Time(int i, string file, long row) =>
            Times is not null ? Times[i]
            : Longs is not null ? Longs[i] is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null
            : Strings is not null ? Strings[i] switch
            {
                null or "" => null,
                var s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) => t,
                var s => throw Malformed(file, row, Name, $"'{s}' is not a time", "row"),
            }
            : throw Malformed(file, row, Name, "not a time", "row");

        public bool? Flag(int i, string file, long row) =>
            Bools is not null ? Bools[i]
            : Strings is not null ? Strings[i] switch
            {
                null or "" => null,
                var s when bool.TryParse(s, out var b) => b,
                var s => throw Malformed(file, row, Name, $"'{s}' is not true or false", "row"),
            }
            : throw Malformed(file, row, Name, "not true or false", "row");
    }
}

