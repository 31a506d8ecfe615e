using System.IO.Compression;
using System.Text;
using LakeCircle.Core.Impact.Inventory;
using LakeCircle.Core.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace LakeCircle.Core.Tests.Impact.Inventory;

/// <summary>Reading S3 Inventory reports: CSV as S3 writes it, CSV.gz, Parquet, the manifest, and the errors.</summary>
public sealed class InventoryReaderTests
{
    internal const string Schema = "Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, StorageClass";

    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private static string[] Columns => [.. Schema.Split(',', StringSplitOptions.TrimEntries)];

    private string Write(string name, string text)
    {
        var path = _folder.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<List<InventoryRow>> ReadAsync(string path, IReadOnlyList<string>? columns = null)
    {
        var source = await InventorySource.OpenAsync(path, columns);
        var rows = new List<InventoryRow>();
        await InventoryReader.ReadAsync(source, rows.Add);
        return rows;
    }

    [Test]
    public async Task Csv_QuotedFieldsAndUrlEncodedKeys_AreDecoded()
    {
        var path = Write("report.csv",
            "\"acme\",\"logs/a%20b+c%2B.txt\",\"v1\",\"true\",\"false\",\"1024\",\"2026-01-01T10:00:00.000Z\",\"STANDARD_IA\"\n"
            + "\"acme\",\"data/with,comma\",\"v2\",\"false\",\"true\",\"\",\"2025-12-31T23:59:59.123Z\",\"\"\n");

        var rows = await ReadAsync(path, Columns);

        rows.Should().HaveCount(2);
        rows[0].Should().Be(new InventoryRow("logs/a b c+.txt", true, false, 1024, new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), "STANDARD_IA", path, 1));
        rows[1].Key.Should().Be("data/with,comma");
        rows[1].IsLatest.Should().BeFalse();
        rows[1].IsDeleteMarker.Should().BeTrue();
        rows[1].Size.Should().Be(0);
        rows[1].StorageClass.Should().Be("STANDARD");
        rows[1].LastModified.Should().Be(new DateTimeOffset(2025, 12, 31, 23, 59, 59, 123, TimeSpan.Zero));
        rows[1].Line.Should().Be(2);
    }

    [Test]
    public async Task CsvGz_IsDecompressed()
    {
        var path = _folder.File("report.csv.gz");
        await using (var file = File.Create(path))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("\"acme\",\"k%C3%A9y\",\"5\",\"2026-01-01T00:00:00.000Z\"\n"));
        }

        var rows = await ReadAsync(path, ["Bucket", "Key", "Size", "LastModifiedDate"]);

        rows.Should().ContainSingle().Which.Key.Should().Be("kéy");
        rows[0].IsLatest.Should().BeTrue("a report without IsLatest lists current versions only");
    }

    [Test]
    public async Task Parquet_WrittenWithParquetNet_IsReadByItsSchema()
    {
        var path = _folder.File("report.parquet");
        await WriteParquetAsync(path);

        var source = await InventorySource.OpenAsync(path, null);
        var rows = new List<InventoryRow>();
        await InventoryReader.ReadAsync(source, rows.Add);

        source.Columns.ListsVersions.Should().BeTrue();
        rows.Should().HaveCount(2);
        rows[0].Should().Be(new InventoryRow("logs/a b.txt", true, false, 2048, new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), "GLACIER", path, 1));
        rows[1].IsLatest.Should().BeFalse();
        rows[1].Size.Should().Be(0, "a null size (a delete marker) is 0");
    }

    internal static async Task WriteParquetAsync(string path)
    {
        var bucket = new DataField<string>("bucket");
        var key = new DataField<string>("key");
        var isLatest = new DataField<bool>("is_latest");
        var isDeleteMarker = new DataField<bool>("is_delete_marker");
        var size = new DataField<long?>("size");
        var modified = new DataField<DateTime>("last_modified_date");
        var storageClass = new DataField<string>("storage_class");
        var schema = new ParquetSchema(bucket, key, isLatest, isDeleteMarker, size, modified, storageClass);
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, file);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(bucket, ["acme", "acme"]);
        await group.WriteAsync(key, ["logs/a b.txt", "logs/a b.txt"]);
        await group.WriteAsync<bool>(isLatest, new[] { true, false }.AsMemory());
        await group.WriteAsync<bool>(isDeleteMarker, new[] { false, false }.AsMemory());
        await group.WriteAsync<long>(size, new long?[] { 2048, null }.AsMemory());
        await group.WriteAsync<DateTime>(modified, new[] { new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc), new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc) }.AsMemory());
        await group.WriteAsync(storageClass, ["GLACIER", "STANDARD"]);
    }

    [Test]
    public async Task Manifest_Parquet_TakesTheColumnsFromTheDataFile()
    {
        Directory.CreateDirectory(_folder.File("r/data"));
        await WriteParquetAsync(_folder.File("r/data/part-0.parquet"));
        var manifest = Write("r/manifest.json", """
            { "sourceBucket": "acme", "fileFormat": "Parquet", "fileSchema": "message s3.inventory { required binary bucket (UTF8); }",
              "files": [ { "key": "inv/acme/cfg/data/part-0.parquet" } ] }
            """);

        var rows = await ReadAsync(manifest);

        rows.Select(r => r.Key).Should().Equal("logs/a b.txt", "logs/a b.txt");
    }

    [Test]
    public async Task Parquet_RowWithoutTime_ErrorNamesTheRowAndColumn()
    {
        var path = _folder.File("no-time.parquet");
        var key = new DataField<string>("key");
        var size = new DataField<long>("size");
        var modified = new DataField<DateTime?>("last_modified_date");
        await using (var file = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(key, size, modified), file))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(key, ["a", "b"]);
            await group.WriteAsync<long>(size, new long[] { 1, 2 }.AsMemory());
            await group.WriteAsync<DateTime>(modified, new DateTime?[] { DateTime.UnixEpoch, null }.AsMemory());
        }

        var act = () => ReadAsync(path);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Be($"{path}: row 2, column last_modified_date: no time.");
    }

    [Test]
    public async Task Manifest_FileSchemaAndDataFilesUnderData_AreFollowed()
    {
        Write("acme/config/data/one.csv", "\"acme\",\"a\",\"\",\"true\",\"false\",\"1\",\"2026-01-01T00:00:00.000Z\",\"STANDARD\"\n");
        Write("acme/config/data/two.csv", "\"acme\",\"b\",\"\",\"true\",\"false\",\"2\",\"2026-01-01T00:00:00.000Z\",\"STANDARD\"\n");
        var manifest = Write("acme/config/2026-01-02T00-00Z/manifest.json", $$"""
            {
              "sourceBucket": "acme",
              "destinationBucket": "arn:aws:s3:::inventory",
              "version": "2016-11-30",
              "creationTimestamp": "1767312000000",
              "fileFormat": "CSV",
              "fileSchema": "{{Schema}}",
              "files": [
                { "key": "inv/acme/config/data/one.csv", "size": 10, "MD5checksum": "x" },
                { "key": "inv/acme/config/data/two.csv", "size": 10, "MD5checksum": "y" }
              ]
            }
            """);

        var source = await InventorySource.OpenAsync(manifest, null);
        var rows = await ReadAsync(manifest);

        source.Bucket.Should().Be("acme");
        source.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1767312000000));
        source.Files.Should().HaveCount(2);
        rows.Select(r => r.Key).Should().Equal("a", "b");
        rows.Select(r => r.Size).Should().Equal(1, 2);
    }

    [Test]
    public async Task Manifest_CreationTimestampAsNumber_IsReadToo()
    {
        Write("n/data/a.csv", "\"acme\",\"a\",\"1\",\"2026-01-01T00:00:00.000Z\"\n");
        var manifest = Write("n/manifest.json", """{ "creationTimestamp": 1767312000000, "fileFormat": "CSV", "fileSchema": "Bucket, Key, Size, LastModifiedDate", "files": [ { "key": "x/data/a.csv" } ] }""");

        var source = await InventorySource.OpenAsync(manifest, null);

        source.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1767312000000));
        source.Columns.ListsVersions.Should().BeFalse();
    }

    [Test]
    public async Task Manifest_DataFileMissing_SaysWhereItLooked()
    {
        var manifest = Write("m/manifest.json", """{ "fileFormat": "CSV", "fileSchema": "Key, Size, LastModifiedDate", "files": [ { "key": "x/data/gone.csv.gz" } ] }""");

        var act = () => InventorySource.OpenAsync(manifest, null);

        (await act.Should().ThrowAsync<FileNotFoundException>()).Which.Message.Should().Contain("gone.csv.gz").And.Contain(Path.Combine("m", "data", "gone.csv.gz"));
    }

    [Test]
    public async Task Manifest_Orc_IsRefusedClearly()
    {
        var manifest = Write("manifest.json", """{ "fileFormat": "ORC", "fileSchema": "struct<bucket:string>", "files": [ { "key": "data/a.orc" } ] }""");

        var act = () => InventorySource.OpenAsync(manifest, null);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("ORC is not supported; choose CSV or Parquet");
    }

    [Test]
    public async Task OrcFile_IsRefusedClearly()
    {
        var path = Write("a.orc", "ORC");

        var act = () => InventorySource.OpenAsync(path, null);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("ORC is not supported; choose CSV or Parquet");
    }

    [Test]
    public async Task SingleCsv_WithoutColumns_AsksForTheColumnOrder()
    {
        var path = Write("a.csv", "\"acme\",\"a\"\n");

        var act = () => InventorySource.OpenAsync(path, null);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("no header row").And.Contain("fileSchema");
    }

    [Test]
    public async Task Columns_WithoutSize_AreRefused()
    {
        var path = Write("a.csv", "\"acme\",\"a\"\n");

        var act = () => InventorySource.OpenAsync(path, ["Bucket", "Key", "LastModifiedDate"]);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("no Size column");
    }

    [Test]
    public async Task MalformedSize_ErrorNamesFileLineAndColumn()
    {
        var path = Write("bad.csv",
            "\"acme\",\"a\",\"\",\"true\",\"false\",\"1\",\"2026-01-01T00:00:00.000Z\",\"STANDARD\"\n"
            + "\"acme\",\"b\",\"\",\"true\",\"false\",\"12x\",\"2026-01-01T00:00:00.000Z\",\"STANDARD\"\n");

        var act = () => ReadAsync(path, Columns);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Be($"{path}: line 2, column Size: '12x' is not a size in bytes.");
    }

    [Test]
    public async Task MalformedTime_ErrorNamesTheColumn()
    {
        var path = Write("bad.csv", "\"acme\",\"b\",\"\",\"true\",\"false\",\"1\",\"yesterday\",\"STANDARD\"\n");

        var act = () => ReadAsync(path, Columns);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().StartWith($"{path}: line 1, column LastModifiedDate: 'yesterday'");
    }

    [Test]
    public async Task TooFewFields_ErrorNamesTheLine()
    {
        var path = Write("short.csv",
            "\"acme\",\"a\",\"\",\"true\",\"false\",\"1\",\"2026-01-01T00:00:00.000Z\",\"STANDARD\"\n"
            + "\"acme\",\"b\",\"1\"\n");

        var act = () => ReadAsync(path, Columns);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().StartWith($"{path}: line 2: 3 fields where the schema has 8");
    }

    [Test]
    public async Task BadBoolean_ErrorNamesTheColumn()
    {
        var path = Write("bad.csv", "\"acme\",\"b\",\"\",\"yes\",\"false\",\"1\",\"2026-01-01T00:00:00.000Z\",\"STANDARD\"\n");

        var act = () => ReadAsync(path, Columns);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Be($"{path}: line 1, column IsLatest: 'yes' is not true or false.");
    }

    [Test]
    public async Task DamagedGzip_ErrorNamesTheFile()
    {
        var path = _folder.File("damaged.csv.gz");
        await File.WriteAllBytesAsync(path, [0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02, 0x03]);

        var act = () => ReadAsync(path, Columns);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().StartWith($"{path}: cannot be read: ");
    }

    [Test]
    public async Task NotParquet_ErrorNamesTheFile()
    {
        var path = Write("fake.parquet", "not parquet at all");

        var act = () => ReadAsync(path);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain(path).And.Contain("not a Parquet file");
    }

    [Test]
    public void Resolve_FileBesideTheManifest_IsFound()
    {
        var data = Write("r/x.csv.gz", "");

        InventorySource.Resolve(_folder.File("r"), "p/acme/c/data/x.csv.gz", "manifest.json").Should().Be(data);
    }

    [Test]
    public void Resolve_KeyLeavingTheFolder_IsRefused()
    {
        var act = () => InventorySource.Resolve(_folder.Path, "../../etc/passwd", "manifest.json");

        act.Should().Throw<InvalidDataException>();
    }
}
