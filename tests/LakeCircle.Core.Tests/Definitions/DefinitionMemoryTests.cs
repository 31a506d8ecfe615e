using System.Text;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Definitions.Json;
using LakeCircle.Core.Definitions.Reading;
using LakeCircle.Core.Definitions.Toml;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>
/// What a large set of definitions holds while it loads: a file's map of positions is dropped once the file is read and
/// rebuilt from its content when a problem found later (validation, merging) needs a position, so the problem is placed
/// where the full map would place it; equal rules of several files share one instance.
/// </summary>
public class DefinitionMemoryTests
{
    private const string Toml = "BucketName = \"b-bucket\"\n\n[LifecycleConfiguration]\n\n[[LifecycleConfiguration.Rules]]\nID = \"r\"\nStatus = \"Enabled\"\n"
        + "Filter = { Prefix = \"logs/\" }\n  Expiration = { Days = 0 }\n";

    private const string Json = "{\n  \"BucketName\": \"b-bucket\",\n  \"LifecycleConfiguration\": {\n    \"Rules\": [\n      {\n        \"ID\": \"r\",\n"
        + "        \"Status\": \"Enabled\",\n        \"Filter\": { \"Prefix\": \"logs/\" },\n          \"Expiration\": { \"Days\": 0 }\n      }\n    ]\n  }\n}\n";

    [TestCase("b.toml", Toml)]
    [TestCase("b.json", Json)]
    public void Load_ValidationProblem_IsPlacedWhereTheFullMapPlacesIt(string path, string text)
    {
        var document = new DefinitionDocument(path, Encoding.UTF8.GetBytes(text));

        var set = DefinitionLoader.Load([document]);

        var problem = set.Diagnostics.Should().ContainSingle(d => d.IsError).Which;
        problem.Field.Should().StartWith("LifecycleConfiguration.Rules[0].Expiration");
        var root = document.Format == DefinitionFormat.Json
            ? JsonDocumentReader.Read(document.Content, new DiagnosticSink(path, document.Format))
            : TomlDocumentReader.Read(text, path, new DiagnosticSink(path, document.Format));
        var expected = SourceMap.Build(root!).Resolve(problem.Field!);
        (problem.Location!.Line, problem.Location.Column).Should().Be((expected.Line, expected.Column));
        problem.Location.Line.Should().Be(9);
        problem.Location.Column.Should().BeGreaterThan(1, "the key is indented");
    }

    [Test]
    public void Map_AfterRead_IsRebuiltWithTheSamePositions()
    {
        var document = new DefinitionDocument("b.toml", Encoding.UTF8.GetBytes(Toml));
        var full = SourceMap.Build(TomlDocumentReader.Read(Toml, "b.toml", new DiagnosticSink("b.toml", document.Format))!);

        var file = DefinitionFileReader.Read(document);

        foreach (var key in (string[])["BucketName", "LifecycleConfiguration.Rules[0].ID", "LifecycleConfiguration.Rules[0].Expiration.Days", "LifecycleConfiguration.Rules[0].Filter.Prefix"])
        {
            file.Map.Resolve(key).Should().Be(full.Resolve(key), key);
        }
    }

    [Test]
    public void Load_SameRuleInSeveralFiles_SharesOneInstance()
    {
        static DefinitionDocument File(string bucket, string id) => new(bucket + ".toml", Encoding.UTF8.GetBytes(
            $"BucketName = \"{bucket}\"\n[LifecycleConfiguration]\n[[LifecycleConfiguration.Rules]]\n{id}Status = \"Enabled\"\nExpiration = {{ Days = 30 }}\n"
            + "[[LifecycleConfiguration.Rules]]\nStatus = \"Disabled\"\nExpiration = { Days = 7 }\n"));

        var set = DefinitionLoader.Load([File("a-bucket", "ID = \"keep\"\n"), File("b-bucket", "ID = \"keep\"\n"), File("c-bucket", "ID = \"other\"\n")]);

        set.IsValid.Should().BeTrue();
        var (a, b, c) = (set.Buckets[0].Configuration.Rules, set.Buckets[1].Configuration.Rules, set.Buckets[2].Configuration.Rules);
        ReferenceEquals(a[0], b[0]).Should().BeTrue("the same rule, written twice");
        ReferenceEquals(a[1], b[1]).Should().BeTrue("the same rule without ID, given the same derived ID");
        ReferenceEquals(a[1], c[1]).Should().BeTrue();
        ReferenceEquals(a[0], c[0]).Should().BeFalse("another ID is another rule");
        c[0].Id.Should().Be("other");
        a[1].Id.Should().Be(a[1].DerivedId);
    }
}
