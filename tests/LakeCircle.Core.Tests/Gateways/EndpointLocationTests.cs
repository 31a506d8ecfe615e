using LakeCircle.Core.Gateways;

namespace LakeCircle.Core.Tests.Gateways;

public class EndpointLocationTests
{
    private static readonly string Base = Path.Combine(Path.GetTempPath(), "lakecircle-settings");
    private static readonly char Sep = Path.DirectorySeparatorChar;

    private static EndpointLocation Parse(string text)
    {
        EndpointLocation.TryParse(text, Base, out var location, out var error).Should().BeTrue(error);
        return location!;
    }

    [TestCase("s3://bucket", "bucket", "")]
    [TestCase("s3://bucket/", "bucket", "")]
    [TestCase("s3://bucket/lifecycle", "bucket", "lifecycle/")]
    [TestCase("s3://bucket/lifecycle/", "bucket", "lifecycle/")]
    [TestCase("s3://bucket//a//b//", "bucket", "a/b/")]
    [TestCase("S3://my.bucket-1/a/b", "my.bucket-1", "a/b/")]
    public void Parse_S3Uri_NormalisesPrefix(string text, string bucket, string prefix)
    {
        var location = Parse(text);

        location.Kind.Should().Be(EndpointKind.S3);
        location.Bucket.Should().Be(bucket);
        location.Prefix.Should().Be(prefix);
        location.Path.Should().BeNull();
        location.IsFolder.Should().BeTrue();
        location.ToString().Should().Be($"s3://{bucket}/{prefix}");
    }

    [Test]
    public void Parse_RelativePath_IsMadeAbsoluteFolder()
    {
        var location = Parse("defs/lifecycle");

        location.Kind.Should().Be(EndpointKind.Local);
        location.Path.Should().Be(Path.Combine(Base, "defs", "lifecycle") + Sep);
        location.Bucket.Should().BeNull();
        location.IsFolder.Should().BeTrue();
    }

    [Test]
    public void Parse_AbsolutePathAndFileUri_AreTheSame()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lc-endpoint");

        var fromPath = Parse(folder + Sep + Sep);
        var fromUri = Parse(new Uri(folder).AbsoluteUri);

        fromPath.Should().Be(fromUri);
        fromPath.Path.Should().Be(folder + Sep);
    }

    [TestCase("")]
    [TestCase("https://example.com/defs")]
    [TestCase("s3://ab/x")]
    [TestCase("s3://UPPER/x")]
    public void TryParse_Invalid_ReturnsFalseWithReason(string text)
    {
        EndpointLocation.TryParse(text, Base, out var location, out var error).Should().BeFalse();

        location.Should().BeNull();
        error.Should().NotBeNullOrEmpty();
    }

    [Test]
    public void Parse_Invalid_ThrowsFormatException()
    {
        var act = () => EndpointLocation.Parse("gs://bucket/");

        act.Should().Throw<FormatException>().WithMessage("*unsupported scheme*");
    }

    [Test]
    public void Join_S3_MakesFoldersAndObjects()
    {
        var root = EndpointLocation.S3("bucket", "base");

        var definition = root.Join("definition/");
        var file = definition.Join("team/logs.toml");

        definition.ToString().Should().Be("s3://bucket/base/definition/");
        definition.IsFolder.Should().BeTrue();
        file.Prefix.Should().Be("base/definition/team/logs.toml");
        file.IsFolder.Should().BeFalse();
    }

    [Test]
    public void Join_Local_UsesDirectorySeparator()
    {
        var root = EndpointLocation.Local(Path.Combine(Base, "root"));

        root.Join("current/").Path.Should().Be(Path.Combine(Base, "root", "current") + Sep);
        root.Join("current/a.json").Path.Should().Be(Path.Combine(Base, "root", "current", "a.json"));
    }

    [TestCase("/abs")]
    [TestCase("../up")]
    [TestCase("a/../b")]
    [TestCase("a//b")]
    [TestCase("")]
    public void Join_BadName_Throws(string name)
    {
        var act = () => EndpointLocation.S3("bucket").Join(name);

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public void Join_OnFile_Throws()
    {
        var act = () => EndpointLocation.S3("bucket").Join("a.toml").Join("b");

        act.Should().Throw<InvalidOperationException>().WithMessage("*is a file*");
    }

    [Test]
    public void Equality_ComparesValues() =>
        EndpointLocation.S3("bucket", "/x//").Should().Be(EndpointLocation.S3("bucket", "x/"));
}
