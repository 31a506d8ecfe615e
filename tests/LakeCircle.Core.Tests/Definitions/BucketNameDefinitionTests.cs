using static LakeCircle.Core.Tests.Definitions.DefinitionFixtures;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>A <c>BucketName</c> that S3 would not accept is a definition error at the value, naming no bucket.</summary>
public sealed class BucketNameDefinitionTests
{
    [TestCase("Acme-Logs", "only lowercase letters")]
    [TestCase("ab", "3 to 63 characters")]
    [TestCase("acme..logs", "two adjacent periods")]
    [TestCase("192.168.5.4", "IP address")]
    [TestCase("acme--table-s3", "reserved suffix")]
    public void Load_InvalidBucketName_ErrorAtTheValue(string bucket, string words)
    {
        var set = Load($"BucketName = \"{bucket}\"\n[LifecycleConfiguration]\nRules = []\n", "defs/logs.toml");

        set.IsValid.Should().BeFalse();
        set.Buckets.Should().BeEmpty();
        var problem = set.Diagnostics.Should().ContainSingle().Which;
        problem.Location.Should().Be(new Diagnostics.SourceLocation("defs/logs.toml", 1, 14));
        problem.Field.Should().Be("BucketName");
        problem.Bucket.Should().BeNull();
        problem.Message.Should().Contain("not an S3 bucket name").And.Contain(words);
    }

    [Test]
    public void Load_BucketNameWithControlCharacters_Error()
    {
        var set = Load("BucketName = \"acme\\nlogs\\u001b\"\n[LifecycleConfiguration]\nRules = []\n");

        set.Diagnostics.Should().ContainSingle().Which.Field.Should().Be("BucketName");
    }
}
