using System.Text;
using LakeCircle.Core.Gateways;

namespace LakeCircle.Core.Tests.Gateways;

public class S3ErrorBodyTests
{
    private const string AwsNoSuchBucket =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>" +
        "<BucketName>gone</BucketName><RequestId>4442587FB7D0A2F9</RequestId><HostId>abc=</HostId></Error>";

    private const string RadosgwNoLifecycle =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchLifecycleConfiguration</Code><Message></Message>" +
        "<BucketName>b</BucketName><RequestId>tx0-default</RequestId><HostId>102a-default-default</HostId></Error>";

    private static S3ErrorBody? Parse(string text) => S3ErrorBody.Parse(Encoding.UTF8.GetBytes(text));

    [Test]
    public void Parse_AwsErrorBody_ReadsCodeAndMessage()
    {
        Parse(AwsNoSuchBucket).Should().Be(new S3ErrorBody("NoSuchBucket", "The specified bucket does not exist"));
        S3ErrorBody.Parse(AwsNoSuchBucket).Should().Be(new S3ErrorBody("NoSuchBucket", "The specified bucket does not exist"));
    }

    [Test]
    public void Parse_RadosgwBodyWithEmptyMessage_ReadsCodeWithoutMessage() =>
        Parse(RadosgwNoLifecycle).Should().Be(new S3ErrorBody("NoSuchLifecycleConfiguration", null));

    [Test]
    public void Parse_Utf8ByteOrderMarkWhitespaceAndNamespace_ReadsCode()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "<Error xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\n  <!-- c -->\n  <Code> NoSuchBucket </Code>\n</Error>\n")).ToArray();

        S3ErrorBody.Parse(bytes)!.Code.Should().Be("NoSuchBucket");
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("not xml at all")]
    [TestCase("<html><body><h1>404 Not Found</h1></body></html>")]
    [TestCase("<Error><Code>NoSuchBucket</Code>")]
    [TestCase("<Error><Code>NoSuchBucket</Code></Error><Error><Code>NoSuchLifecycleConfiguration</Code></Error>")]
    [TestCase("<Error><Code>NoSuchBucket</Code></Error>trailing")]
    [TestCase("<Error/>")]
    [TestCase("<Error><Message>no code</Message></Error>")]
    [TestCase("<Error><Code></Code></Error>")]
    [TestCase("<Error><Code>NoSuchBucket</Code><Code>NoSuchLifecycleConfiguration</Code></Error>")]
    [TestCase("<Error><Code><b>NoSuchBucket</b></Code></Error>")]
    [TestCase("<Error><Code>No Such Bucket</Code></Error>")]
    [TestCase("<Error><Code>NoSuchBucket&lt;script&gt;</Code></Error>")]
    [TestCase("<Wrapper><Error><Code>NoSuchBucket</Code></Error></Wrapper>")]
    [TestCase("<Error><Details><Code>NoSuchBucket</Code></Details></Error>")]
    public void Parse_NotAnS3Error_IsNull(string body) => Parse(body).Should().BeNull();

    [Test]
    public void Parse_InternalEntityExpansion_IsRefusedWithoutExpanding()
    {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE Error [<!ENTITY a \"aaaaaaaaaa\">");
        for (var i = 1; i < 10; i++)
        {
            laughs.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY a{i} \"{string.Concat(Enumerable.Repeat(i == 1 ? "&a;" : $"&a{i - 1};", 10))}\">");
        }

        laughs.Append("]><Error><Code>&a9;</Code></Error>");

        Parse(laughs.ToString()).Should().BeNull();
    }

    [Test]
    public void Parse_ExternalEntity_IsRefused() =>
        Parse("<?xml version=\"1.0\"?><!DOCTYPE Error [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Error><Code>&x;</Code></Error>").Should().BeNull();

    [Test]
    public void Parse_BodyLongerThanTheBound_IsNullWithoutReadingIt()
    {
        var padding = new string(' ', S3ErrorBody.MaxBodyBytes);

        Parse("<Error><Code>NoSuchBucket</Code></Error>" + padding).Should().BeNull();
        S3ErrorBody.Parse("<Error><Code>NoSuchBucket</Code></Error>" + padding).Should().BeNull();
        Parse("<Error><Code>NoSuchBucket</Code></Error>" + padding[..(S3ErrorBody.MaxBodyBytes - 100)]).Should().NotBeNull("a body within the bound is read");
    }

    [Test]
    public void Parse_HugeMessage_IsCutAndControlCharactersDropped()
    {
        var message = "line\none\r\ttwo " + new string('m', 5000);

        var error = Parse($"<Error><Code>SlowDown</Code><Message>{message}</Message></Error>")!;

        error.Code.Should().Be("SlowDown");
        error.Message!.Length.Should().Be(S3ErrorBody.MaxMessageLength);
        error.Message.Should().StartWith("lineonetwo ");
    }

    [Test]
    public void Parse_CodeLongerThanAnyS3Code_IsNull() =>
        Parse($"<Error><Code>{new string('A', S3ErrorBody.MaxCodeLength + 1)}</Code></Error>").Should().BeNull();

    [Test]
    public void Parse_InvalidUtf8_IsNull() =>
        S3ErrorBody.Parse(new byte[] { (byte)'<', (byte)'E', 0xC3, 0x28, 0xFF, 0xFE, (byte)'>' }).Should().BeNull();
}
