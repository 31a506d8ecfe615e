using System.Globalization;
using System.Text;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Model;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests.Definitions;

public sealed class S3DefinitionSourceTests
{
    [Test]
    public async Task ReadAsync_PrefixWithMoreThan1000Objects_ReadsEveryPage()
    {
        const int count = 1005;
        var bucket = await S3TestServer.Current.Buckets.CreateAsync("defs");
        using var store = S3TestServer.Current.CreateStore(bucket);
        var names = Enumerable.Range(0, count).Select(i => $"pg-{i.ToString("D4", CultureInfo.InvariantCulture)}").ToArray();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (name, token) =>
            await store.WriteAsync($"teams/{name}.toml", Encoding.UTF8.GetBytes(TomlText.Bucket(name, RuleShapes.Mix(name.Length))), token));
        await store.WriteAsync("teams/README.md", Encoding.UTF8.GetBytes("not a definition"));
        await store.WriteAsync("other/ignored.toml", Encoding.UTF8.GetBytes("BucketName = \"ignored\""));
        using var client = S3TestServer.Current.CreateClient();

        var documents = await new S3DefinitionSource(client, bucket, "teams/").ReadAsync();
        var set = DefinitionLoader.Load(documents);

        documents.Where(d => !d.IsOtherFile).Should().HaveCount(count);
        documents.Where(d => d.IsOtherFile).Select(d => d.Path).Should().ContainSingle().Which.Should().EndWith("/teams/README.md");
        set.Diagnostics.Should().ContainSingle().Which.IsError.Should().BeFalse("another file is a warning");
        set.Buckets.Select(b => b.Bucket).Should().BeEquivalentTo(names);
        set.Buckets.First().Configuration.Should().Be(RuleShapes.Mix(names[0].Length));
    }
}
