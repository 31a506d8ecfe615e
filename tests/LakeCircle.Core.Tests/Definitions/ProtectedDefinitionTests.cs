using LakeCircle.Core.Definitions;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>The <c>[LakeCircle]</c> table of a definition: <c>Protected = true</c>, positioned errors for anything else.</summary>
public sealed class ProtectedDefinitionTests
{
    private const string Bucket = "BucketName = \"a-bucket\"\n[LifecycleConfiguration]\n[[LifecycleConfiguration.Rules]]\nID = \"r\"\nStatus = \"Enabled\"\nFilter = {}\nExpiration = { Days = 1 }\n";

    private static DefinitionSet Load(params (string Path, string Text)[] files) =>
        DefinitionLoader.Load(files.Select(f => new DefinitionDocument(f.Path, System.Text.Encoding.UTF8.GetBytes(f.Text))).ToArray());

    [Test]
    public void Toml_ProtectedTrue_MarksTheBucket()
    {
        var set = Load(("a.toml", Bucket + "[LakeCircle]\nProtected = true\n"));

        set.IsValid.Should().BeTrue(string.Join("\n", set.Diagnostics));
        set.Buckets.Single().Protected.Should().BeTrue();
    }

    [Test]
    public void Toml_TableBeforeTheConfiguration_Works()
    {
        var set = Load(("a.toml", "BucketName = \"a-bucket\"\n[LakeCircle]\nProtected = true\n[LifecycleConfiguration]\nRules = []\n"));

        set.IsValid.Should().BeTrue(string.Join("\n", set.Diagnostics));
        set.Buckets.Single().Protected.Should().BeTrue();
    }

    [Test]
    public void Json_ProtectedTrue_MarksTheBucket()
    {
        var set = Load(("a.json", """{"BucketName": "a-bucket", "LakeCircle": {"Protected": true}, "LifecycleConfiguration": {"Rules": []}}"""));

        set.IsValid.Should().BeTrue(string.Join("\n", set.Diagnostics));
        set.Buckets.Single().Protected.Should().BeTrue();
    }

    [Test]
    public void NoTable_OrProtectedFalse_IsNotProtected()
    {
        Load(("a.toml", Bucket)).Buckets.Single().Protected.Should().BeFalse();
        Load(("a.toml", Bucket + "[LakeCircle]\nProtected = false\n")).Buckets.Single().Protected.Should().BeFalse();
    }

    [Test]
    public void OneOfSeveralFiles_Protects_TheBucket()
    {
        var other = "BucketName = \"a-bucket\"\n[LakeCircle]\nProtected = true\n[LifecycleConfiguration]\n[[LifecycleConfiguration.Rules]]\nID = \"s\"\nStatus = \"Enabled\"\nFilter = { Prefix = \"s/\" }\nExpiration = { Days = 2 }\n";

        var set = Load(("a.toml", Bucket), ("b.toml", other));

        set.IsValid.Should().BeTrue(string.Join("\n", set.Diagnostics));
        set.Buckets.Single().Protected.Should().BeTrue();
    }

    [Test]
    public void ProtectedNotABoolean_IsAnErrorNamingFileLineAndField()
    {
        var set = Load(("a.toml", Bucket + "[LakeCircle]\nProtected = \"yes\"\n"));

        var error = set.Diagnostics.Single(d => d.IsError);
        error.Location!.File.Should().Be("a.toml");
        error.Location.Line.Should().Be(9);
        error.ToString().Should().Contain("Protected");
    }

    [Test]
    public void UnknownKeyInTheTable_IsAnErrorWithASuggestion()
    {
        var set = Load(("a.toml", Bucket + "[LakeCircle]\nProtect = true\n"));

        var error = set.Diagnostics.Single(d => d.IsError);
        error.Location!.Line.Should().Be(9);
        error.Message.Should().Contain("Protect").And.Contain("Protected");
    }

    [Test]
    public void ProtectionIsNotPartOfTheLifecycleConfiguration()
    {
        var plain = Load(("a.toml", Bucket)).Buckets.Single().Configuration;
        var protectedOne = Load(("a.toml", Bucket + "[LakeCircle]\nProtected = true\n")).Buckets.Single().Configuration;

        protectedOne.Should().Be(plain);
        protectedOne.Fingerprint.Should().Be(plain.Fingerprint);
    }
}
