using System.Text;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Definitions.Json;
using LakeCircle.Core.Definitions.Reading;
using LakeCircle.Core.Definitions.Toml;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>
/// A file's map of positions is dropped once the file is read and rebuilt from its content when a problem found later
/// (validation, merging) needs a position: the problem is placed where the full map would place it.
/// </summary>
public class DefinitionMapTests
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
}
